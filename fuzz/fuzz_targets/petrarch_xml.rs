#![no_main]
//! PETRARCH XML reader: any bytes in, no panic.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = annalist_ingest::read_petrarch(data);
});

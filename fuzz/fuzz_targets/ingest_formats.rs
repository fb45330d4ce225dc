#![no_main]
//! Every input reader: any bytes in, as any format, no panic.

use libfuzzer_sys::fuzz_target;

use annalist_ingest::{InputFormat, read_input};

fuzz_target!(|data: &[u8]| {
    for format in InputFormat::ALL {
        let input: Box<dyn std::io::Read + Send> = Box::new(std::io::Cursor::new(data.to_vec()));
        for document in read_input(input, "fuzz", format, None).take(64) {
            let _ = document;
        }
    }
});

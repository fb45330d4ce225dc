#![no_main]
//! Every dictionary reader: any text in, no panic.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = annalist_dict::parse_verbs("fuzz.verbs", &text);
    let _ = annalist_dict::parse_actors("fuzz.actors", &text);
    let _ = annalist_dict::parse_agents("fuzz.agents", &text);
    let _ = annalist_dict::parse_discards("fuzz.discards", &text);
    let _ = annalist_dict::parse_issues("fuzz.issues", &text);
});

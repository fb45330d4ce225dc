//! `cargo run -p annalist-serve --example serve -- DB [ADDR]`: serve a store until Ctrl-C
//! (what `annalist serve` does; handy while working on the dashboard).

use annalist_serve::{ServeConfig, serve};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let Some(db) = args.get(1) else {
        eprintln!("usage: serve DB [ADDR]");
        return ExitCode::FAILURE;
    };
    let mut config: ServeConfig = ServeConfig::new(db);
    if let Some(addr) = args.get(2) {
        match addr.parse() {
            Ok(addr) => config.addr = addr,
            Err(e) => {
                eprintln!("serve: bad address {addr:?}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    match serve(config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

#![no_main]

use libfuzzer_sys::fuzz_target;
use strand_core::formats::fuzzing;

fuzz_target!(|bytes: &[u8]| fuzzing::check_cover(bytes));

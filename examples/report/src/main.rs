//! The main job: the cases of the KKR Nordjylland minutes of 18 November 2022,
//! computed on the embedded population data.

use andel_core::data::{population_key, Region};
use andel_core::{Decimal, SplitOptions};
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error [{}]: {e}", e.code());
            ExitCode::FAILURE
        }
    }
}

fn run() -> andel_core::Result<()> {
    println!("Case 2.8: new residential offer; municipalities 75 %, Region Nordjylland 25 %.");
    println!("The municipal part is split by population on 1 January 2022 between the nine");
    println!("municipalities other than Læsø (825) and Morsø (773).\n");
    let key = population_key(Some(Region::Nordjylland), 2022)?.exclude(&["825", "773"])?;
    for (label, municipal) in [("low", 4_275_000), ("high", 5_590_000)] {
        let r = key.split(Decimal::from(municipal), &SplitOptions::default())?;
        println!("Scenario {label}: the municipal part");
        print!("{r}");
        println!();
    }
    Ok(())
}

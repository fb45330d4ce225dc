//! The CAMEO codebook, compiled into the binary.
//!
//! Every CAMEO 1.1b3 event code (the 20 roots and all 3- and 4-digit codes) with its official
//! name, Goldstein score, QuadClass and PentaClass, plus crosswalks to PLOVER event types/modes
//! and to ACLED event/sub-event types.
//!
//! Lookups are lenient because real dictionaries are not clean: [`resolve`] accepts roots, 3- and
//! 4-digit codes, codes with trailing letters ("174L") and unknown sub-codes ("19011"), falls back
//! to the nearest known parent and reports that it did; placeholders and garbage ("---", "")
//! give `None`. No function here panics on any input string.
//!
//! ```
//! use annalist_codebook::{lookup, resolve, plover, acled};
//!
//! let fight = lookup("190").expect("190 is a CAMEO code");
//! assert_eq!(fight.goldstein, -10.0);
//! assert_eq!(fight.quad_class, 4);
//! assert!(resolve("174L").is_some_and(|r| r.fell_back && r.entry.code == "174"));
//! assert_eq!(plover("193").map(|p| p.mode), Some(Some("firearms")));
//! assert_eq!(acled("190", "An airstrike hit the village").sub_event_type, "Air/drone strike");
//! ```

mod acled;
mod cameo;
mod plover;
mod table;

pub use acled::{
    Acled, RULES as ACLED_RULES, Rule as AcledRule, SUB_EVENT_TYPES, acled, event_type,
};
pub use cameo::{
    CameoCode, QUAD_MATERIAL_CONFLICT, QUAD_MATERIAL_COOPERATION, QUAD_VERBAL_CONFLICT,
    QUAD_VERBAL_COOPERATION, ROOTS, Resolved, all_codes, lookup, lookup_exact, penta_class_of_root,
    quad_class_of_root, resolve, root_of,
};
pub use plover::{EVENT_TYPES as PLOVER_EVENT_TYPES, Plover, plover, plover_for};

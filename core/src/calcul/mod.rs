//! The computation layer: from a validated situation and the rules in force, the codes and
//! figures of every answer. It reads rule values only through the tracing reader
//! (`rules::provenance`) and never imports the presentation layer (`vues`).

pub mod amounts;
pub mod assessment;
pub mod economie;
pub mod eligibility;
pub mod explain;
pub mod message;
pub mod objectives;
pub mod percentile;
pub mod second_assistant;
pub mod situation;
pub mod suivi;
pub mod timeline;

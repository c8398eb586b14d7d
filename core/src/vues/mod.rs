//! The presentation layer: what the apps show, built from the computation's results — the
//! questionnaire and result views, and the whole app state (`app`) that both shells render.

pub mod app;
pub mod questionnaire;

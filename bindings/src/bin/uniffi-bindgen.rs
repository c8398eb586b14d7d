//! The uniffi bindings generator, pinned to the same uniffi as the library.
//!
//! `cargo run -p assistmed-ffi --features cli --bin uniffi-bindgen -- generate --library \
//!  target/debug/libassistmed_ffi.so --language kotlin --out-dir target/bindings/kotlin`

fn main() {
    uniffi::uniffi_bindgen_main()
}

# shellcheck shell=bash
# The shipped library's build, sourced by size-report.sh, jvm-jar.sh, build-android.sh and
# build-xcframework.sh (not run on its own).
#
# The shipped library is built with std recompiled from the toolchain's own source (the rustup
# component `rust-src`, the same version as rustc) by cargo's `-Zbuild-std`:
#   - without std's `backtrace` feature: the default panic hook then prints no symbolized
#     backtrace, and gimli, addr2line, rustc-demangle and object (162 KB of the stripped x86_64
#     library) are not linked. A panic still unwinds and reaches Kotlin as InternalException and
#     Swift as an error (`panic = "unwind"`, toolchain notes), with its message and location;
#   - with std's `backtrace-trace-only`: a backtrace (RUST_BACKTRACE=1) prints the frames'
#     addresses, where it printed unresolved names (no symbolizer is linked anyway); 320 bytes
#     fewer on x86_64 Linux (rustc-demangle stays: anyhow's `Debug`, which uniffi prints for a
#     failed lift, formats a captured `std::backtrace::Backtrace`);
#   - with std's `optimize_for_size`, and at the project's release profile (opt-level "z", LTO),
#     as the rest of the library.
# `-Zbuild-std` is unstable: RUSTC_BOOTSTRAP=1 lets the stable rustc and cargo accept it, with
# rust-src of that very version (the fuzz targets are built the same way). It changes only std's
# features and optimisation, never its code.
# Measured with size-report.sh on 2026-12-01, std rebuilt and the flags below: x86_64 Linux
# 1 289 656 -> 1 030 416 bytes, then 1 017 184 with the unwind tables; Android arm64 1 142 736 ->
# 916 568 (bindings/README.md, "Size", has each step; one of them, chrono's date parser left
# out, is in the code).
#
# Functions:
#   shipped_prepare         makes sure rust-src is installed (rustup component add, idempotent:
#                           the scripts install what they need); returns 1, with a message,
#                           where it cannot be (no rustup, offline)
#   shipped_cargo_args T    prints, one per line, the cargo arguments of the shipped build for
#                           target triple T (after `cargo build --release -p assistmed-ffi --lib
#                           --target T`); use with RUSTC_BOOTSTRAP=1 in the environment
#   shipped_host_triple     the host's target triple (rustc -vV)
#   shipped_build T [ARGS]  cargo build --release -p "$CRATE" --lib --target T, as shipped where
#                           rust-src is there (SHIPPED_STD=1), else the plain release build with a
#                           warning (SHIPPED_STD=0); the library is in "$TARGET_DIR/T/release"

SHIPPED_STD_FEATURES="panic-unwind,optimize_for_size,backtrace-trace-only"

shipped_host_triple() { rustc -vV | sed -n 's/^host: //p'; }

shipped_prepare() {
  local src
  # (SHIPPED_SYSROOT: the packaging tests' stand-in toolchain; rustc's own sysroot otherwise)
  src="${SHIPPED_SYSROOT:-$(rustc --print sysroot)}/lib/rustlib/src/rust/library/std/Cargo.toml"
  [ -f "$src" ] && return 0
  # One attempt per script: size-report.sh builds four libraries, and a machine that cannot
  # reach rustup's server must not wait for it four times.
  [ -n "${SHIPPED_PREPARE_FAILED:-}" ] && return 1
  SHIPPED_PREPARE_FAILED=1
  if ! command -v rustup >/dev/null 2>&1; then
    printf 'shipped-build: rust-src is missing and there is no rustup to install it\n' >&2
    return 1
  fi
  printf 'shipped-build: rustup component add rust-src (std source for -Zbuild-std)\n' >&2
  # (bounded where coreutils' timeout exists: an unreachable server must not hang a CI run)
  local bound=()
  command -v timeout >/dev/null 2>&1 && bound=(timeout 300)
  ${bound[@]+"${bound[@]}"} rustup component add rust-src >&2 || {
    printf 'shipped-build: rustup component add rust-src failed (offline?)\n' >&2
    return 1
  }
  [ -f "$src" ] || return 1
  SHIPPED_PREPARE_FAILED=
}

shipped_cargo_args() {
  local target=$1
  printf '%s\n' "-Zbuild-std=std,panic_unwind" "-Zbuild-std-features=$SHIPPED_STD_FEATURES"
  # Linux and Android (ELF): unwind tables only for the functions a panic can unwind through,
  # not for every function (`-C force-unwind-tables=no`: -13 232 bytes on x86_64 Linux, -17 392
  # on Android arm64). A panic still unwinds to uniffi's catch and keeps its location (checked:
  # panics through five frames with drops, and inside std's sort, caught); only an outside
  # unwinder (a profiler, a crash reporter) loses the frames of functions that cannot unwind.
  # (Not for Apple targets, not measured here.)
  case "$target" in
    x86_64-unknown-linux-gnu)
      # Linked by rust-lld (Rust's default on this target since 1.90). The Linux library is the
      # desktop JVM's and the test machines' (the phones have their own, and Android's flags
      # are in .cargo/config.toml), so only this build gets them, never the CLI:
      #   -z pack-relative-relocs: relative relocations as DT_RELR (-32 792 bytes); needs
      #     glibc 2.36 or newer at load time (Debian 12, Ubuntu 22.10, RHEL 10), which says so
      #     by name (GLIBC_ABI_DT_RELR) on an older one;
      #   --icf=all: identical functions folded (-8 272); Rust never promises distinct
      #     addresses for distinct functions, and nothing in the library compares them.
      printf '%s\n' "--config" \
        "target.x86_64-unknown-linux-gnu.rustflags=['-C', 'link-arg=-Wl,-z,pack-relative-relocs', '-C', 'link-arg=-Wl,--icf=all', '-C', 'force-unwind-tables=no']"
      ;;
    *-linux-android*)
      # Android sends an app's stderr to /dev/null, so the panic hook's `file:line:col` is
      # never read there (uniffi's exception carries the panic's message, not its location):
      # `-Zlocation-detail=none` leaves them out (-17 904 bytes on x86_64). These join the
      # Android flags of .cargo/config.toml; one setting for the three ABIs of cargo-ndk.
      printf '%s\n' "--config" \
        "target.'cfg(target_os = \"android\")'.rustflags=['-C', 'force-unwind-tables=no', '-Zlocation-detail=none']"
      ;;
  esac
}

shipped_build() {
  local target=$1 a args=()
  shift
  if shipped_prepare; then
    SHIPPED_STD=1
    # (a read loop, not mapfile: macOS's bash is 3.2)
    while IFS= read -r a; do args+=("$a"); done < <(shipped_cargo_args "$target")
    printf 'shipped-build: cargo build --release -p %s --lib --target %s %s\n' "$CRATE" "$target" "${args[*]}" >&2
    (cd "$REPO_ROOT" && RUSTC_BOOTSTRAP=1 cargo build --release -p "$CRATE" --lib --target "$target" "${args[@]}" "$@")
  else
    SHIPPED_STD=0
    printf 'shipped-build: WARNING: std is not rebuilt (no rust-src): this library is bigger than the shipped one\n' >&2
    (cd "$REPO_ROOT" && cargo build --release -p "$CRATE" --lib --target "$target" "$@")
  fi
}

#!/usr/bin/env bash
# Runs every test of the project: format, lints, Rust tests (core, CLI, golden cases, properties,
# bundles, questionnaire, app state), the core's tests again on arm64 under qemu-user (release
# build), the uniffi bindings on the JVM (Kotlin, JUnit), the Android demo's Compose screens
# driven headless on the JVM, the employer cost against URSSAF's modele-social (npm, test oracle
# only), the packaging scripts against stand-in tools, the Swift syntax check of the bindings and
# the iOS demo (or `swift test` where a Swift toolchain exists), and the size budget of the
# shipped library. Installs what it needs (qemu-user and the arm64 cross linker from Debian,
# kotlinc from npm, JNA and Gson from Debian, the Compose desktop and JUnit jars from Maven
# Central, modele-social from npm, tree-sitter from PyPI) into .tools/, idempotently.
# This is the command the README gives and .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."

etape() { printf '\n== %s ==\n' "$*" >&2; }
debut=$(date +%s)

etape "rustfmt"
cargo fmt --all -- --check

etape "clippy (-D warnings)"
cargo clippy --workspace --all-targets --locked -- -D warnings

etape "Rust tests (core, CLI, golden cases, properties, bindings)"
cargo test --workspace --locked

etape "Core tests on arm64 (release build, under qemu-user)"
scripts/test-arm64.sh

etape "Employer cost against URSSAF's modele-social (test oracle, 1 % tolerance)"
scripts/test-economics-oracle.sh

etape "Swift syntax checker self-test"
scripts/tests/swift_syntax_check_test.sh

etape "README examples are the ones the binding tests run"
python3 bindings/scripts/check-readme-examples.py README.md \
  bindings/tests/kotlin/Main.kt bindings/tests/kotlin/BundleTests.kt bindings/tests/swift/AssistmedTests.swift

etape "Kotlin bindings on the JVM"
bindings/scripts/test-kotlin.sh

etape "Android demo: Compose UI tests on the JVM (headless)"
android-demo/scripts/test-jvm.sh

etape "Swift bindings"
bindings/scripts/test-swift.sh

etape "Packaging scripts (Android, Apple) against stand-in tools"
bindings/scripts/tests/packaging_scripts_test.sh

etape "Release library size budget"
bindings/scripts/size-report.sh

etape "all tests passed in $(( $(date +%s) - debut )) s"

#!/usr/bin/env python3
"""One call status per thread in uniffi's generated Kotlin.

usage: kotlin-call-status.py GEN_DIR

uniffi 0.32's Kotlin allocates a new `UniffiRustCallStatus` (a JNA Structure, so native memory
registered with JNA's cleaner, and a nested `RustBuffer.ByValue` with its own) for every native
call, and an assessment makes four (the handle's clone, the argument buffer, the call, the
result buffer's free). Profiled with JMH's stack profiler, that bookkeeping (JNA's memory map,
malloc/free, the cleaner) was about a quarter of the round trip. This rewrites the one
allocation, in `uniffiRustCallWithError`, to reuse a status per thread, reset before each call.

Why it is safe here: the status is only read after the call returns, and a call made while
another is running on the same thread (an argument's buffer allocated inside the call's lambda,
an error buffer freed while the error is lifted) starts and ends before the outer native call
or after its status was read. A Rust-to-Kotlin callback could call into Rust during a call; the
library exports no callback interface or foreign trait, and the script refuses generated code
that has one (`uniffiTraitInterfaceCall` used, not only defined).

Every generated `.kt` file under GEN_DIR that defines `uniffiRustCallWithError` is rewritten;
the script fails (exit 1) when the generated text is not exactly the one it knows, so that a
uniffi upgrade is noticed instead of silently measured.
"""

import pathlib
import sys

ORIGINAL = """private inline fun <U, E: kotlin.Exception> uniffiRustCallWithError(errorHandler: UniffiRustCallStatusErrorHandler<E>, callback: (UniffiRustCallStatus) -> U): U {
    var status = UniffiRustCallStatus()
    val return_value = callback(status)
"""

REWRITTEN = """// Assistmed (bindings/scripts/kotlin-call-status.py): one call status per thread, reset before
// each call, instead of a new JNA Structure per call.
private val uniffiCallStatus: ThreadLocal<UniffiRustCallStatus> = ThreadLocal.withInitial { UniffiRustCallStatus() }

private inline fun <U, E: kotlin.Exception> uniffiRustCallWithError(errorHandler: UniffiRustCallStatusErrorHandler<E>, callback: (UniffiRustCallStatus) -> U): U {
    val status = uniffiCallStatus.get()
    status.code = UNIFFI_CALL_SUCCESS
    val return_value = callback(status)
"""

MARK = "uniffiCallStatus.get()"


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    root = pathlib.Path(argv[1])
    rewritten = 0
    for path in sorted(root.rglob("*.kt")):
        text = path.read_text(encoding="utf-8")
        if "fun <U, E: kotlin.Exception> uniffiRustCallWithError" not in text:
            continue
        if MARK in text:
            rewritten += 1
            continue
        if text.count(ORIGINAL) != 1:
            print(f"kotlin-call-status: {path}: uniffiRustCallWithError is not the code this script knows "
                  "(uniffi upgraded?): check the rewrite still holds, then update ORIGINAL", file=sys.stderr)
            return 1
        # The only other native-to-Kotlin entry points: a callback would run during a call.
        if text.count("uniffiTraitInterfaceCall(") > 1 or text.count("uniffiTraitInterfaceCallWithError(") > 1:
            print(f"kotlin-call-status: {path}: the bindings have callbacks into Kotlin, so a call can "
                  "run inside another on one thread: one status per thread is not safe", file=sys.stderr)
            return 1
        path.write_text(text.replace(ORIGINAL, REWRITTEN), encoding="utf-8")
        rewritten += 1
    if rewritten == 0:
        print(f"kotlin-call-status: no generated uniffi Kotlin under {root}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

// Plugin versions for the app and for the bindings' library module (:assistmed-android, which
// applies com.android.library without a version). Android Gradle plugin 9 compiles Kotlin itself
// (built-in Kotlin): no org.jetbrains.kotlin.android plugin, here or in the module. The Compose
// compiler plugin must match the Kotlin Gradle plugin AGP brings (2.2.10 for AGP 9.x unless a
// newer KGP is put on the classpath; `./gradlew buildEnvironment` shows it).
plugins {
    id("com.android.application") version "9.1.1" apply false
    id("com.android.library") version "9.1.1" apply false
    id("org.jetbrains.kotlin.plugin.compose") version "2.2.10" apply false
}

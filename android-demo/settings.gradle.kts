// Assistmed Android demo. Before opening it, build the library module from the Rust core:
//     bindings/scripts/build-android.sh     (needs the Android NDK and cargo-ndk; see README.md)
// which writes ../build/android/assistmed-android (native .so for each ABI + generated Kotlin).
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}

dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}

rootProject.name = "assistmed-demo"
include(":app")

// The Android library of the bindings (bindings/android/ template, filled by build-android.sh).
val assistmedAndroid = file("../build/android/assistmed-android")
if (!assistmedAndroid.resolve("src/main/kotlin").isDirectory) {
    throw GradleException(
        "Missing ${assistmedAndroid.path}/src/main/kotlin: run bindings/scripts/build-android.sh " +
            "from the repository root first (see android-demo/README.md).",
    )
}
include(":assistmed-android")
project(":assistmed-android").projectDir = assistmedAndroid

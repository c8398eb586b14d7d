// Android library module wrapping the Rust core (assistmed-ffi) and its uniffi Kotlin bindings.
// Template: bindings/android/ is copied to build/android/assistmed-android/ by
// bindings/scripts/build-android.sh, which also fills in
//   src/main/jniLibs/<abi>/libassistmed_ffi.so   (cargo ndk: arm64-v8a, armeabi-v7a, x86_64)
//   src/main/kotlin/...                          (generated Kotlin bindings)
// Plugin versions come from the including project (see README.md in this folder).
import org.jetbrains.kotlin.gradle.dsl.JvmTarget

plugins {
    id("com.android.library")
    id("org.jetbrains.kotlin.android")
}

android {
    namespace = "fr.assistmed.core"
    compileSdk = 35

    defaultConfig {
        minSdk = 24
        // R8 rules shipped to the app that uses this library (JNA + generated bindings).
        consumerProguardFiles("consumer-rules.pro")
    }

    sourceSets {
        getByName("main") {
            java.srcDirs("src/main/kotlin")
            jniLibs.srcDirs("src/main/jniLibs")
        }
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
}

kotlin {
    // Kotlin Gradle plugin 2.x DSL; must match compileOptions above.
    compilerOptions {
        jvmTarget.set(JvmTarget.JVM_17)
    }
}

dependencies {
    // The generated bindings call Rust through JNA; the @aar carries JNA's Android natives.
    implementation("net.java.dev.jna:jna:5.14.0@aar")
    // Only needed if the Rust API ever exports `async` functions:
    // implementation("org.jetbrains.kotlinx:kotlinx-coroutines-core:1.8.0")
}

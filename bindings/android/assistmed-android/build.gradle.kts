// Android library wrapping the Rust core (assistmed-ffi) and its uniffi Kotlin bindings, published
// as fr.assistmed:assistmed-core (AAR). Template: bindings/android/ is copied to build/android/ by
// bindings/scripts/build-android.sh, which also fills in, in this module:
//   VERSION                                       the SDK version (workspace version of Cargo.toml)
//   src/main/jniLibs/<abi>/libassistmed_ffi.so    cargo ndk: arm64-v8a, armeabi-v7a, x86_64
//   src/main/kotlin/fr/assistmed/{core,sdk}/*.kt  uniffi bindings, Android flavour
//                                                 (bindings/uniffi-android.toml: `android = true`)
//
// Android Gradle plugin 9 with its built-in Kotlin: no org.jetbrains.kotlin.android plugin (AGP 9
// refuses it), Kotlin sources in src/main/kotlin are compiled by AGP itself, and the Kotlin JVM
// target follows compileOptions. The AGP version comes from the including build (standalone:
// ../settings.gradle.kts and ../gradle.properties).

plugins {
    id("com.android.library")
    `maven-publish`
}

// One version source: bindings/scripts/version.sh (the Cargo workspace version), written here by
// build-android.sh.
val sdkVersion: String = file("VERSION").let { f ->
    check(f.isFile) { "${f.path} is missing: build this module with bindings/scripts/build-android.sh" }
    f.readText().trim()
}
group = "fr.assistmed"
version = sdkVersion

android {
    namespace = "fr.assistmed.core"
    compileSdk = 36

    defaultConfig {
        minSdk = 24
        // R8 rules shipped to the app that uses this library (JNA + generated bindings).
        consumerProguardFiles("consumer-rules.pro")
    }

    // targetSdk is the app's setting; AGP 9 removed it from a library's defaultConfig. A library
    // declares the level it is tested against for lint and its own tests.
    lint {
        targetSdk = 36
    }
    testOptions {
        targetSdk = 36
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    publishing {
        singleVariant("release") {
            withSourcesJar()
        }
    }
}

dependencies {
    // The generated bindings call Rust through JNA; its public types (Structure) appear in the
    // bindings' API, hence `api`. The @aar carries JNA's Android natives (libjnidispatch.so);
    // 5.17+ are aligned for 16 KB memory pages (Android 15+ devices, required by Play).
    api("net.java.dev.jna:jna:5.19.1@aar")
    // uniffi's `android = true` bindings free native objects with android.system.SystemCleaner on
    // API 34+ and annotate that path with @RequiresApi.
    implementation("androidx.annotation:annotation:1.9.1")
    // Only needed if the Rust API ever exports `async` functions:
    // implementation("org.jetbrains.kotlinx:kotlinx-coroutines-android:<version>")
}

publishing {
    publications {
        register<MavenPublication>("release") {
            groupId = "fr.assistmed"
            artifactId = "assistmed-core"
            version = sdkVersion
            // AGP creates the "release" component late in configuration.
            afterEvaluate { from(components["release"]) }
            pom {
                name.set("Assistmed core")
                description.set(
                    "Offline simulator of the Assurance Maladie « aide à l'emploi d'un assistant médical »: " +
                        "eligibility, options, yearly aid and objectives, with the legal basis and confidence of " +
                        "every figure. Rust core with Kotlin bindings (uniffi, JNA) for Android."
                )
                licenses {
                    // Cargo.toml: license = "MIT OR Apache-2.0" (the user picks one).
                    license {
                        name.set("MIT License")
                        url.set("https://opensource.org/license/mit")
                        distribution.set("repo")
                    }
                    license {
                        name.set("Apache License, Version 2.0")
                        url.set("https://www.apache.org/licenses/LICENSE-2.0.txt")
                        distribution.set("repo")
                    }
                }
                // The public repository address (e.g. https://github.com/<owner>/assistmed), given by
                // the release: ASSISTMED_SCM_URL for build-android.sh, or -Passistmed.scmUrl=…
                providers.gradleProperty("assistmed.scmUrl").orNull?.let { scmUrl ->
                    url.set(scmUrl)
                    scm {
                        url.set(scmUrl)
                        connection.set("scm:git:$scmUrl.git")
                        developerConnection.set("scm:git:$scmUrl.git")
                        tag.set("v$sdkVersion")
                    }
                }
            }
        }
    }
    repositories {
        // `gradle publishReleasePublicationToReleaseDirRepository`: a Maven layout under
        // build/maven-repo/ (AAR, sources jar, POM, Gradle module metadata), which the release
        // zips for upload. Signing and the upload to Maven Central are the publisher's step.
        maven {
            name = "releaseDir"
            url = uri(layout.buildDirectory.dir("maven-repo"))
        }
    }
}

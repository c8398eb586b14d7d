import org.jetbrains.kotlin.gradle.dsl.JvmTarget

plugins {
    // AGP 9 built-in Kotlin: no org.jetbrains.kotlin.android.
    id("com.android.application")
    id("org.jetbrains.kotlin.plugin.compose")
}

android {
    namespace = "fr.assistmed.demo"
    compileSdk = 36

    defaultConfig {
        applicationId = "fr.assistmed.demo"
        minSdk = 24
        targetSdk = 36
        versionCode = 1
        versionName = "0.1.0"
        // French first (default resources), English second: keep only these in the APK.
        resourceConfigurations += listOf("fr", "en")
    }

    buildTypes {
        release {
            isMinifyEnabled = true
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"), "proguard-rules.pro")
            // Demo: signed with the debug key so that `assembleRelease` installs as is.
            signingConfig = signingConfigs.getByName("debug")
        }
    }

    sourceSets {
        getByName("main") { java.srcDirs("src/main/kotlin") }
        getByName("test") {
            java.srcDirs("src/test/kotlin")
            resources.srcDirs("src/test/resources")
        }
    }

    compileOptions {
        // The SDK's dates are java.time.LocalDate: desugared below API 26 (minSdk 24).
        isCoreLibraryDesugaringEnabled = true
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    buildFeatures { compose = true }

    packaging {
        resources.excludes += "/META-INF/{AL2.0,LGPL2.1}"
    }

    // The JVM tests of src/test are Compose *desktop* UI tests (JUnit 4, Compose Multiplatform
    // desktop artifacts) that need the host Rust library: run by ../scripts/test-jvm.sh, not by
    // `gradle test` (which has no host .so and builds against the Android artifacts).
    testOptions { unitTests.all { it.enabled = false } }
}

// With built-in Kotlin this `kotlin {}` block is AGP's (it replaces android.kotlinOptions).
kotlin {
    compilerOptions { jvmTarget.set(JvmTarget.JVM_17) }
}

dependencies {
    // The Rust core: generated Kotlin bindings + libassistmed_ffi.so per ABI (+ JNA).
    implementation(project(":assistmed-android"))

    val composeBom = platform("androidx.compose:compose-bom:2024.12.01")
    implementation(composeBom)
    implementation("androidx.compose.ui:ui")
    implementation("androidx.compose.foundation:foundation")
    implementation("androidx.compose.material3:material3")
    implementation("androidx.compose.material:material-icons-core")
    implementation("androidx.compose.ui:ui-tooling-preview")
    debugImplementation("androidx.compose.ui:ui-tooling")

    implementation("androidx.activity:activity-compose:1.9.3")
    implementation("androidx.lifecycle:lifecycle-viewmodel-compose:2.8.7")
    implementation("androidx.lifecycle:lifecycle-runtime-compose:2.8.7")
    implementation("androidx.core:core-ktx:1.15.0")
    coreLibraryDesugaring("com.android.tools:desugar_jdk_libs:2.1.5")
}

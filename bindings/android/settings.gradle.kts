// Standalone Gradle build of the Android library, to make the AAR and its Maven publication
// without an app: build/android/ after bindings/scripts/build-android.sh (which copies this
// template there). From that folder, with Gradle 9.3.1+ and the Android SDK (platform 36):
//   gradle :assistmed-android:assembleRelease                               -> the AAR
//   gradle :assistmed-android:publishReleasePublicationToReleaseDirRepository -> assistmed-android/build/maven-repo/
// An app can instead include the module in its own build (settings.gradle.kts.snippet).

pluginManagement {
    // AGP version: gradle.properties (agpVersion), or -PagpVersion=… on the command line.
    val agpVersion: String by settings
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
    plugins {
        id("com.android.library") version agpVersion
    }
}

dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}

rootProject.name = "assistmed-android-build"
include(":assistmed-android")

// AppModel through the Kotlin bindings: events in, view out, files of bytes out and back in.
// (The app state itself is tested in core/tests/app.rs; the Compose screens drive it with every
// golden case in android-demo/scripts/test-jvm.sh.)
package fr.assistmed.core.tests

import fr.assistmed.testing.*

import fr.assistmed.core.AppEvent
import fr.assistmed.core.AppModel
import fr.assistmed.core.AssistmedException
import fr.assistmed.core.Screen
import fr.assistmed.core.appFileNames

fun runAppModelTests(h: Harness) {
    h.check("AppModel: answers typed as a doctor does, result in « 19 000 € », saved and restored") {
        AppModel(emptyMap(), "2026-12-01", "fr-FR").use { m ->
            val first = m.view().questionnaire.questions.first()
            ensureEquals("signature_date", first.id, "first question")
            ensure(first.confirm != null) { "the pre-filled date must be confirmed" }
            m.send(AppEvent.Answer("signature_date", "15/01/2025"))
            m.send(AppEvent.Answer("patientele_mt", "1200"))
            m.send(AppEvent.Answer("percentile_band", "p50_p70"))
            val v = m.send(AppEvent.ShowResult)
            ensureEquals(Screen.RESULT, v.screen, "screen")
            // Golden case 001 (source S10): 1/2 ETP year 1 = 19 000 €, narrow no-break spaces.
            ensureEquals("19\u202F000\u00A0€", v.result!!.options[1].years[0].amount, "1/2 ETP year 1")
            val files = m.takeWrites().filter { it.bytes != null }.associate { it.name to it.bytes!! }
            ensureEquals(setOf("simulation.json"), files.keys, "files written")
            ensure(appFileNames().containsAll(files.keys)) { "written files are listed by appFileNames()" }
            AppModel(files, "2026-12-02", "en").use { again ->
                ensureEquals(Screen.RESULT, again.view().screen, "restored on the result")
                ensureEquals("€19,000", again.view().result!!.options[1].years[0].amount, "English amount")
            }
        }
    }
    h.check("AppModel: « Nouvelle simulation » erases only after confirmation") {
        AppModel(emptyMap(), "2026-12-01", "fr").use { m ->
            m.send(AppEvent.Answer("patientele_mt", "1200"))
            ensure(m.send(AppEvent.NewSimulation).confirmation != null) { "no dialog" }
            ensureEquals("1200", m.send(AppEvent.Cancel).questionnaire.questions.first { it.id == "patientele_mt" }.value, "kept")
            m.send(AppEvent.NewSimulation)
            ensureEquals("", m.send(AppEvent.Confirm).questionnaire.questions.first { it.id == "patientele_mt" }.value, "erased")
        }
    }
    h.check("AppModel: a malformed today is a typed error naming the field") {
        try {
            AppModel(emptyMap(), "2026-13-01", "fr").close()
            fail("no error")
        } catch (e: AssistmedException) {
            ensureEquals("date_invalide", e.errorCode(), "code")
            ensureEquals("today", e.errorField(), "field")
        }
    }
}

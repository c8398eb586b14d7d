// AppModel through the Kotlin bindings: events in, view out, files of bytes out and back in.
// (The app state itself is tested in core/tests/app.rs; the Compose screens drive it with every
// golden case in android-demo/scripts/test-jvm.sh.)
package fr.assistmed.sdk.tests

import fr.assistmed.testing.*

import fr.assistmed.core.Ecran
import fr.assistmed.core.Evenement
import fr.assistmed.sdk.AppModel
import fr.assistmed.sdk.appFileNames
import java.time.LocalDate

fun runAppModelTests(h: Harness) {
    h.check("AppModel: answers typed as a doctor does, result in « 19 000 € », saved and restored") {
        AppModel(emptyMap(), LocalDate.of(2026, 12, 1), "fr-FR").use { m ->
            val first = m.view().questionnaire.questions.first()
            ensureEquals("signature_date", first.id, "first question")
            ensure(first.confirm != null) { "the pre-filled date must be confirmed" }
            m.send(Evenement.Repondre("signature_date", "15/01/2025"))
            m.send(Evenement.Repondre("patientele_mt", "1200"))
            m.send(Evenement.Repondre("percentile_band", "p50_p70"))
            val v = m.send(Evenement.VoirResultat)
            ensureEquals(Ecran.RESULTAT, v.screen, "screen")
            // Golden case 001 (source S10): 1/2 ETP year 1 = 19 000 €, narrow no-break spaces.
            ensureEquals("19\u202F000\u00A0€", v.result!!.options[1].years[0].amount, "1/2 ETP year 1")
            val files = m.takeWrites().filter { it.octets != null }.associate { it.nom to it.octets!! }
            ensureEquals(setOf("simulation.json"), files.keys, "files written")
            ensure(appFileNames().containsAll(files.keys)) { "written files are listed by appFileNames()" }
            AppModel(files, LocalDate.of(2026, 12, 2), "en").use { again ->
                ensureEquals(Ecran.RESULTAT, again.view().screen, "restored on the result")
                ensureEquals("€19,000", again.view().result!!.options[1].years[0].amount, "English amount")
            }
        }
    }
    h.check("AppModel: « Nouvelle simulation » erases only after confirmation") {
        AppModel(emptyMap(), LocalDate.of(2026, 12, 1), "fr").use { m ->
            m.send(Evenement.Repondre("patientele_mt", "1200"))
            ensure(m.send(Evenement.NouvelleSimulation).confirmation != null) { "no dialog" }
            ensureEquals("1200", m.send(Evenement.Annuler).questionnaire.questions.first { it.id == "patientele_mt" }.value, "kept")
            m.send(Evenement.NouvelleSimulation)
            ensureEquals("", m.send(Evenement.Confirmer).questionnaire.questions.first { it.id == "patientele_mt" }.value, "erased")
        }
    }
    h.check("AppModel: screens opened by event, language switched by event") {
        AppModel(emptyMap(), LocalDate.of(2026, 12, 1), "fr").use { m ->
            ensureEquals(Ecran.A_PROPOS, m.send(Evenement.Ouvrir(ecran = Ecran.A_PROPOS)).screen, "about screen")
            val fr = m.view().title
            val en = m.send(Evenement.Langue("en")).title
            ensure(fr != en) { "same title in both languages: $fr" }
            ensureEquals(Ecran.QUESTIONNAIRE, m.send(Evenement.Retour).screen, "back")
        }
    }
}

// Test oracle for the employer cost: URSSAF's open model modele-social (publicodes), never shipped.
// For each case of the grid, sums `salarié . coût total employeur` over the 12 months of a calendar
// year (one evaluation per month, `date` = the 1st) and compares with the core's cost of the
// contract year that starts on 1 January (`assistmed economics --json`, years[0].employer_cost).
// 2025 is evaluated with modele-social 9.0.0 (réduction générale 2025), 2026 with 10.0.1 (RGDU):
// each version models its own year; neither models the other's reduction. 10.0.1, not 11.1.0:
// its 2026 SMIC (1 823,03 € all year) is the reference's; 11.1.0 adds a June 2026 raise that the
// reference does not have and whose text the model does not cite.
// Usage: node economics-oracle.mjs <path of the assistmed binary>   (exit 1 beyond 1 %)
import { execFileSync } from 'node:child_process'
import Engine from 'publicodes'
import r2025 from 'ms2025'
import r2026 from 'ms2026'

const binaire = process.argv[2]
const silence = { log() {}, warn() {}, error(m) { console.error(m) } }
const moteurs = { 2025: new Engine(r2025, { logger: silence }), 2026: new Engine(r2026, { logger: silence }) }
const TOLERANCE = 0.01

// Situation of the product: CDI, non-cadre, practice with fewer than 11 employees (5), mainland,
// every other key at the model's default (AT/MP national average, health insurance 40 €/month at 50 %).
function situation(annee, mois, brut, heures) {
  const s = {
    date: `'01/${String(mois).padStart(2, '0')}/${annee}'`,
    'salarié . contrat . salaire brut': `${brut} €/mois`,
    'entreprise . salariés . effectif': '5',
  }
  if (heures < 35) {
    s['salarié . contrat . temps de travail . temps partiel'] = 'oui'
    s['salarié . contrat . temps de travail . temps partiel . heures par semaine'] = `${heures} heure/semaine`
  }
  return s
}

const arrondi = (x) => Math.round(x * 100) / 100

function oracle(annee, brut, heures) {
  const e = moteurs[annee]
  let total = 0
  for (let mois = 1; mois <= 12; mois++) {
    // The SMIC of the month for this working time (the legal floor the core applies too).
    e.setSituation(situation(annee, mois, 1000, heures))
    const smic = e.evaluate('salarié . contrat . temps de travail . SMIC').nodeValue
    const paye = brut === 'SMIC' ? arrondi(smic) : Math.max(brut, arrondi(smic))
    e.setSituation(situation(annee, mois, paye, heures))
    const v = e.evaluate('salarié . coût total employeur').nodeValue
    if (typeof v !== 'number') throw new Error(`no value for ${annee}-${mois} ${brut}`)
    total += v
  }
  return total
}

function smicJanvier(annee, heures) {
  const e = moteurs[annee]
  e.setSituation(situation(annee, 1, 1000, heures))
  return arrondi(e.evaluate('salarié . contrat . temps de travail . SMIC').nodeValue).toFixed(2)
}

function coeur(annee, option, brut) {
  const sortie = execFileSync(binaire, [
    'economics', '--option', option, '--start', `${annee}-01-01`, '--gross-monthly', String(brut),
    '--specialty', '01', '--sector', 'secteur_1', '--percentile-band', 'p50_p70', '--json',
  ], { encoding: 'utf8' })
  return Number(JSON.parse(sortie).years[0].employer_cost)
}

const grille = [
  ['plein', 35, ['SMIC', 2000, 2500, 3000]],
  ['demi', 17.5, ['SMIC', 911.52, 1000, 1250]],
]
let echecs = 0
const lignes = ['| year | option | gross/month | modele-social €/yr | core €/yr | gap |', '|---|---|---|---|---|---|']
for (const annee of [2025, 2026]) {
  for (const [option, heures, bruts] of grille) {
    for (const brut of bruts) {
      const attendu = oracle(annee, brut, heures)
      const donne = brut === 'SMIC' ? smicJanvier(annee, heures) : brut
      const obtenu = coeur(annee, option, donne)
      const ecart = (obtenu - attendu) / attendu
      const ok = Math.abs(ecart) <= TOLERANCE
      if (!ok) echecs++
      lignes.push(`| ${annee} | ${option} | ${brut === 'SMIC' ? `SMIC (${donne})` : brut} | ${attendu.toFixed(2)} | ${obtenu.toFixed(2)} | ${(ecart * 100).toFixed(3)} %${ok ? '' : ' FAIL'} |`)
    }
  }
}
console.log(lignes.join('\n'))
console.log(`${lignes.length - 2 - echecs} passed, ${echecs} failed (tolerance ${TOLERANCE * 100} %)`)
process.exit(echecs === 0 ? 0 : 1)

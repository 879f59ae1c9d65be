/**
 * The reader's rules for risks (issue 12): investigations, guidance cuts and
 * supply problems are risks; good news, records, plain index and share-price
 * moves, boasts about beating competitors, falling costs, mitigated and
 * conceded risks are not. One sentence per case, German and English.
 */
import { describe, expect, it } from 'vitest';
import { extractRisks } from '../../../../src/engine/risks/index.ts';
import type { RiskCategory } from '../../../../src/engine/schema.ts';
import type { RuleLanguage } from '../../../../src/engine/types.ts';
import { articleOf } from './article.ts';

const RISKS: [RuleLanguage, string, RiskCategory][] = [
  ['de', 'Die Gewerkschaft droht dem Konzern mit einem unbefristeten Streik.', 'operational'],
  ['de', 'Der Handelskrieg trifft die Exporteure hart.', 'geopolitical-regulatory'],
  ['de', 'Gefährliche Lücken in der Lieferkette bremsen die Produktion des Herstellers.', 'operational'],
  ['de', 'Die Zulieferer leiden unter Pandemie, Inflation und Krise.', 'macro'],
  ['en', "The Texas attorney general opened an investigation into the company's billing practices.", 'legal'],
  ['en', "New York's attorney general is investigating whether the bank misled investors.", 'legal'],
  ['en', 'The company cut its full-year guidance, citing weaker demand.', 'financial'],
  ['en', 'The retailer now expects annual sales growth of 2%, down from a previous forecast of 4%.', 'financial'],
  ['en', 'In July the group reported an annual turnover of £8.9bn, down from £9.3bn a year earlier.', 'financial'],
  ['en', 'Three former executives agreed to settle fraud charges.', 'legal'],
  ['en', 'The lender defaulted on a $300m bond payment.', 'financial'],
  ['en', 'Chip shortages forced the carmaker to halt production at two plants.', 'operational'],
  ['en', 'Economic growth this year is expected to be 4%, about 1% less than previously forecast.', 'financial'],
  ['de', 'Der Konzern hat seine Jahresprognose gesenkt.', 'financial'],
  ['de', 'Die Staatsanwaltschaft ermittelt gegen den Vorstand wegen Betrugsverdachts.', 'legal'],
  ['de', 'Die Bundesnetzagentur leitete ein Verfahren gegen den Anbieter ein.', 'legal'],
  ['de', 'Wegen fehlender Teile musste das Werk die Produktion drosseln.', 'operational'],
  ['de', 'Der Umsatz ging im dritten Quartal um 12 Prozent zurück.', 'financial'],
  ['de', 'Der Zulieferer warnt vor Lieferengpässen bei Chips.', 'operational'],
  ['de', 'Vermieter müssen mit einem nicht erklärten Mietenstreik rechnen.', 'operational'],
  ['de', 'Anleger blicken mit nackter Angst auf die Bilanz des Konzerns.', 'financial'],
  ['en', 'Investors fear that the bank will need more capital.', 'financial'],
  ['en', 'Higher fuel costs could hit earnings this year.', 'financial'],
  ['de', 'Der Konzern schrieb einen Verlust von 190 Millionen Euro.', 'financial'],
  ['de', 'Der Fachkräftemangel dürfte sich in vielen Branchen weiter verschärfen.', 'operational'],
  ['de', 'Die Nachfrage nach Elektroautos bricht ein.', 'execution-adoption'],
  ['de', 'Der Absatz schrumpfte um 8 Prozent.', 'financial'],
  ['de', 'Die Auftragslage hat sich deutlich eingetrübt.', 'financial'],
  ['de', 'Die Lieferketten sind weiterhin gestört.', 'operational'],
  ['de', 'Der Konzern kämpft mit hohen Energiekosten.', 'macro'],
  ['de', 'Die Gewinne stehen unter Druck.', 'financial'],
  ['de', 'Analysten rechnen mit einem schwachen Quartal.', 'financial'],
  ['de', "Die Ratingagentur Moody's senkte die Bonitätsnote des Konzerns.", 'financial'],
  ['de', 'Kunden halten sich mit Bestellungen zurück.', 'execution-adoption'],
  ['de', 'Das Unternehmen hat Insolvenz angemeldet.', 'financial'],
  ['de', 'Gegen den Konzern wurde eine Sammelklage eingereicht.', 'legal'],
  ['de', 'Der Umsatz lag unter den Erwartungen der Analysten.', 'financial'],
  ['de', 'Der Autobauer ruft 200.000 Fahrzeuge zurück.', 'operational'],
  ['de', 'Die Gewerkschaft droht mit Streiks.', 'operational'],
  ['en', "Demand for the company's chips slowed sharply.", 'execution-adoption'],
  ['en', "Moody's downgraded the bank's credit rating.", 'financial'],
  ['en', 'Customers are holding back orders.', 'execution-adoption'],
  ['en', 'The firm filed for bankruptcy.', 'financial'],
  ['en', 'The launch has been pushed back to next year.', 'execution-adoption'],
  ['en', 'The carmaker is recalling 200,000 vehicles.', 'operational'],
  ['de', 'Die Inflation frisst die Kaufkraft der Verbraucher auf.', 'macro'],
  ['de', 'Die Arbeitslosigkeit nimmt zu.', 'macro'],
  ['de', 'Viele Betriebe stehen vor dem Aus.', 'financial'],
  ['de', 'Die Kosten laufen aus dem Ruder.', 'financial'],
  ['de', 'Das Projekt kostet deutlich mehr als geplant.', 'execution-adoption'],
  ['de', 'Der Versorger erhöht die Strompreise um 20 Prozent.', 'macro'],
  ['en', 'Unemployment is rising.', 'macro'],
  ['en', 'Many firms face closure.', 'financial'],
  ['en', 'The project is running over budget.', 'execution-adoption'],
  ['en', 'The chipmaker is losing market share to rivals.', 'competition'],
  ['en', 'Energy prices are squeezing margins.', 'macro'],
  // fold-A rules: slower than hoped, harm to the environment, overload behind a necessary condition, dunning
  ['de', 'Die Bestellungen werden wegen fehlender Chips langsamer als erhofft ausgeliefert.', 'execution-adoption'],
  ['de', 'Giftige Abwässer der Mine verseuchen das Grundwasser der Region.', 'other'],
  ['de', 'Nur wenn die Stadt rasch handelt, lässt sich eine Überlastung der Kliniken verhindern.', 'operational'],
  ['de', 'Der Versorger verschickt Mahnungen an Tausende Kunden.', 'financial'],
  ['de', 'Drohende Zölle belasten die Stimmung der Exporteure.', 'geopolitical-regulatory'],
  ['en', 'The start-up posted a $45m loss.', 'financial'],
  // fold-B rules: idioms, ruin, weighted problems, exhausted funds, a gap to the need, not enough, negated recovery
  ['de', 'Das Sparprogramm der Regierung ist ein Tanz auf dem Vulkan.', 'geopolitical-regulatory'],
  ['de', 'Für den Traditionsverlag geht es um Sieg oder Untergang.', 'other'],
  ['de', 'Der Mangel an Fachkräften ist eines der größten Probleme der Branche.', 'operational'],
  ['de', 'Die Fördermittel für das laufende Jahr sind bereits ausgeschöpft.', 'financial'],
  ['de', 'Der Ausbau erreicht nur die Hälfte dessen, was für die Klimaziele nötig wäre.', 'execution-adoption'],
  ['de', 'Das Geschäft mit Druckern reicht nicht mehr aus, um die Investoren zufriedenzustellen.', 'other'],
  ['de', 'Händler rechnen nicht mit einer Erholung der Nachfrage.', 'execution-adoption'],
  ['de', 'Der Markt für Lieferdienste ist hart umkämpft.', 'competition'],
  ['de', 'In Sorge um ihre Jobs streikten die Beschäftigten des Werks.', 'operational'],
  ['de', 'Die Stadt kürzt die Zuschüsse für Theater um zehn Prozent.', 'other'],
  ['de', 'Die Rabattaktion ist ein Verzweiflungsakt des Händlers.', 'other'],
  ['de', 'Der Flughafen informierte die Fluggesellschaften über einen Vorfall mit Schaden an der Start- und Landebahn.', 'operational'],
  ['de', 'Zölle drohen nicht nur den Autobauern.', 'geopolitical-regulatory'],
  ['de', 'Als wäre das Geschäft nicht schon riskant genug, steigen nun auch die Zinsen.', 'macro'],
  ['de', 'Statt zu sparen, erhöht der Konzern die Schulden.', 'financial'],
  // English fold-A rules: a regulator's ruling, allegations an institution investigates, a future span of years
  ['en', 'The advertising watchdog ruled that the claims were misleading.', 'legal'],
  ['en', 'Ofcom ruled against the broadcaster.', 'legal'],
  ['en', 'The university is investigating allegations against its football coach.', 'legal'],
  ['en', 'The tariffs will apply from 2027 to 2030.', 'geopolitical-regulatory'],
  // English fold-B rules: unprofitability, harm
  ['en', "The chain's shares fell because of the unprofitability of its online arm.", 'financial'],
  ['en', 'Researchers said the additive may be harmful to children.', 'other'],
  ['en', 'The launch was delayed by two months.', 'execution-adoption'],
];

const NOT_RISKS: [RuleLanguage, string][] = [
  ['de', 'Der Nachbar hatte ihm mit Schlägen gedroht und ihn dann angezeigt.'],
  ['de', 'Der Erpresser droht mit der Veröffentlichung privater Fotos.'],
  ['de', 'Der Verlust alter Hecken macht vielen Vogelarten zu schaffen.'],
  ['de', 'Das Gericht hält den Täter weiterhin für gefährlich.'],
  ['de', 'Der Bürgerkrieg zwang Tausende Familien zur Flucht.'],
  ['de', 'Die Plattform muss relevant bleiben in Zeiten von Pandemie, Krise und Krieg.'],
  ['en', 'The brand stayed popular during the pandemic, the war and the energy crisis.'],
  // good news, records, sold out
  ['de', 'Die Branche ist ausverkauft für die nächsten Jahre.'],
  ['en', 'Last year we delivered record profits despite a very difficult market.'],
  ['en', 'Nickel prices rose 43% during the year, with copper up 36%.'],
  // plain index and share-price moves
  ['de', 'Der Dax fiel um 0,8 Prozent auf 15.300 Punkte.'],
  ['en', 'The FTSE 100 fell 1.2% to 7,400 points.'],
  ['en', 'Shares in the group lost 25% on the news before rallying.'],
  // boasts about competitors
  ['en', '"We had the best quarter in our history and left the competition far behind," the chief executive said.'],
  ['de', '"Wir haben die Konkurrenz abgehängt und sind profitabler denn je", sagte der Chef.'],
  // what falls is a cost, a loss provision or a case count
  ['en', 'Our cost of total deposits declined by 3 basis points from the prior quarter.'],
  ['en', 'The provision for loan losses was $26 million in the quarter.'],
  ['de', 'Die Statistiker verzeichneten einen Rückgang der Fälle um 13,9 Prozent.'],
  // mitigated, assessed or compared risks
  ['en', 'The swaps fix our floating-rate debt, reducing the risk of rising interest expense.'],
  ['de', 'Zweckgebundene Darlehen senken das Ausfallrisiko der Bank.'],
  ['de', 'Ein Gutachten hilft Ihnen, das Risiko einzuschätzen.'],
  ['de', 'Die Aufhebung ist mit weniger Risiken verbunden als das Fortführen.'],
  // crisis as a time reference, a process, a participle, legal jargon, burglary protection
  ['de', 'Die Zuwächse sind vor allem einer Erholung nach dem ersten Krisenjahr 2020 geschuldet.'],
  ['en', 'MCI was renamed after it emerged from Chapter 11 bankruptcy protection.'],
  ['de', 'Er hat mich schon oft zum Arzt gefahren.'],
  ['de', 'Die für den Unterlassungsanspruch erforderliche Wiederholungsgefahr liegt vor.'],
  ['de', 'Die Polizei informiert am Tag des Einbruchschutzes über Sicherheit.'],
  // a loss that is only the comparison's baseline, a target that is hit
  ['en', 'The airline announced net profits of 400m euros, compared with a loss of 984m euros in 2003.'],
  ['de', 'Der Konzern erzielte einen Gewinn von 20 Millionen Euro nach einem Verlust von 5 Millionen Euro im Vorjahr.'],
  ['en', 'Cadbury said it was confident it would hit its targets for 2005.'],
  // German words that only look like risk words
  ['de', 'Erste belastbare Studien lagen erst im Sommer vor.'],
  ['de', 'Für Unternehmen stellt Leasing in Bezug auf die monatliche Belastung die günstigste Lösung dar.'],
  ['de', 'Bei 3G gilt für Kunden eine verschärfte Maskenpflicht.'],
  ['de', 'Bei empirischen Schätzungen kann der Umsatzparameter auch negative Werte annehmen.'],
  ['de', 'Der Umsatz stieg um 12 Prozent auf 3,4 Milliarden Euro.'],
  ['de', 'Der Konzern meldet einen Rekordgewinn.'],
  ['en', 'The Nasdaq closed 2% lower.'],
  ['en', 'We are proud of our record quarter.'],
  ['en', 'I am confident that we will show a meaningful increase in earnings for 2005.'],
  ['en', 'Exports surged on increasing domestic demand.'],
  // fold-A rules: "zu gefallen" pleases, a dated crisis is history, pressure needs a target, a threat needs a market
  ['de', 'Er tat alles, um dem Publikum zu gefallen.'],
  ['de', 'Die Autorin spürte den Druck, allen zu gefallen.'],
  ['de', 'Viele Sparer erinnern sich noch an die Bankenkrise von 2008.'],
  ['de', 'Wanderer sollten sich vor drohenden Gewittern in den Bergen in Acht nehmen.'],
  ['de', 'Der Netzbetreiber hat das Risiko einer Überlastung seiner Leitungen durch den Ausbau verringert.'],
  ['de', 'Die Risiken wurden durch Derivate abgesichert.'],
  // a medical description is no (financial) risk: a loss of appetite is not a loss of money
  ['en', 'Symptoms of the infection include fever, fatigue and loss of appetite.'],
  // fold-B rules: mitigation nouns, negation after the verb, "statt … zu", combustion, law fields, residual risk,
  // the drug-leaflet idiom, crisis times, "im Zuge", the reporting verb of an attribution
  ['de', 'Die Zuschüsse dienen zur Abfederung der steigenden Energiekosten.'],
  ['de', 'Durch die neuen Impfstoffe droht keine Überlastung der Kliniken mehr.'],
  ['de', 'Die Preise sinken nicht.'],
  ['de', 'Die Reform soll helfen, statt die Betriebe zu belasten und das Risiko von Pleiten zu erhöhen.'],
  ['de', 'Der Ingenieur erklärt die Verbrennung von Wasserstoff in der Turbine.'],
  ['de', 'Die Kanzlei berät Unternehmen im Insolvenzrecht.'],
  ['de', 'Ein gewisses Restrisiko bleibt bei jeder Reise.'],
  ['de', 'Der Ratgeber erklärt Risiken und Nebenwirkungen des neuen Medikaments.'],
  ['de', 'In Krisenzeiten suchen Mitarbeitende Halt bei ihren Vorgesetzten.'],
  ['de', 'Im Zuge der Finanzkrise entstand eine neue Aufsicht.'],
  ['de', 'Die Steuer sei völlig überflüssig, warnt er.'],
  // English fold-A rules: a threat put on hold, tariffs of a past span of years
  ['en', 'Ministers put the threat of fines on hold.'],
  ['en', 'Officials said the tariffs were in place from 2001 to 2003.'],
  // English fold-B rules: a denied report, a negated subject, a delayed-draw loan, falling capital spending
  ['en', 'The company said reports of plant closures were "speculation".'],
  ['en', 'Neither of the carmakers has to recall any vehicles.'],
  ['en', 'The notes will fund on a delayed draw basis next year.'],
  ['en', 'Operating cash flow improved, reflecting the decline in capital expenditures.'],
  // "Rücklagen" (reserves) hold the letters of "Klage" but are no lawsuit
  ['de', 'Der Konzern löste Rücklagen in Höhe von 40 Millionen Euro auf.'],
  // a cue named as the cause of good news
  ['de', 'Dank höherer Strompreise kletterte das Ergebnis auf 312 Millionen Euro.'],
  ['en', 'Thanks to higher prices, operating profit climbed to $312m.'],
  ['de', 'Der Absatz wächst weiter.'],
  ['de', 'Die E-Mail setzt den Empfänger unter Druck, direkt zu antworten.'],
  ['en', 'He recalled the early days of the firm with a smile.'],
  // a narrator's feelings and historical wars are no market risk
  ['de', 'Wir geraten in Panik und fühlen uns wie gelähmt.'],
  ['en', 'I would say no amount of money would have put my fears at ease.'],
  ['de', 'Im 1. Weltkrieg wurden vor allem Lastwagen produziert.'],
  // legal steps with no company or market concerned
  ['de', 'Die Polizisten setzten während der Ermittlungen einen Spürhund ein.'],
  ['de', 'Die Verjährung wird unterbrochen, wenn eine Klage zugestellt wird.'],
];

describe('risks a reader can trust', () => {
  it.each(RISKS)('given the %s risk "%s", then it is a %s risk', (lang, sentence, category) => {
    const risks = extractRisks(articleOf([sentence], lang));
    expect(risks.map((r) => r.category)).toEqual([category]);
  });

  it.each(NOT_RISKS)('given the %s sentence "%s", then it is not a risk', (lang, sentence) => {
    expect(extractRisks(articleOf([sentence], lang))).toEqual([]);
  });
});

/**
 * Very frequent function words per language: the evidence the language
 * detector counts. Words shared by several languages ("in", "a", "de") are
 * left out where they would blur the profiles.
 */
export const PROFILES: Readonly<Record<string, string>> = {
  de: 'der die das und ist nicht mit den dem des ein eine einer eines einem sich auf für von zu im auch '
    + 'als bei nach wie wird werden wurde hat haben sind noch nur aus oder aber über durch dass daß diese '
    + 'dieser es sie er wir ihr mehr schon zum zur vom man kann soll doch sein seine ihre wenn uns gegen '
    + 'je um bis seit beim ins wurden hatte liegt lag ihren seinen einen',
  en: 'the and of to is was that for it with as on be by are this have from or an not which but they his '
    + 'her has had were their been its will would can there who more said also after than into about '
    + 'when what some could our new these so up out other he she we you',
  fr: 'le la les et des est une dans que pour qui sur pas au aux du ce cette avec sont par plus mais '
    + 'ont été il elle nous vous ils leur comme ou sa son ses tout être fait aussi',
  es: 'el la los las y del que en es por con para una un se no su al lo más pero sus le ha fue este esta '
    + 'como entre sobre también hasta desde muy ya porque están son',
  it: 'il di che la le gli è per una un del della delle dei con non si sono da al alla nel nella anche '
    + 'più ma come questo questa ha hanno essere stato dopo',
  nl: 'de het een en van is dat op te in voor met zijn niet aan er ook als bij om maar dan nog wel uit '
    + 'naar worden wordt werd heeft hebben deze dit ze hij zij wij',
  pt: 'o a os as e do da dos das em um uma que para com não por mais se na no foi são como mas ao pelo '
    + 'pela também já está seu sua isso entre',
  pl: 'i w na z że się nie do to jest jak po co ale od przez za dla jego jej są był była było tak już '
    + 'czy może oraz także który która które tego tym',
};

/** Letters that only some of the languages use: a small extra vote. */
export const LETTERS: Readonly<Record<string, RegExp>> = {
  de: /[äöüß]/gu,
  fr: /[èêëçœàù]/gu,
  es: /[ñ¿¡]/gu,
  pt: /[ãõç]/gu,
  pl: /[ąęłńśźż]/gu,
};

/**
 * Words of economic news that only one of the languages writes this way: a vote each, so that a short
 * text ("Die Firma zahlt 3 € je Aktie", "Umsatz: 5 Mio. Euro") has enough evidence.
 */
export const NEWS_WORDS: Readonly<Record<string, string>> = {
  de: 'prozent prozentpunkte mio mrd millionen milliarden tsd aktie aktien umsatz gewinn verlust firma konzern '
    + 'unternehmen zahlt zahlen quartal vorjahr dividende prognose kosten steigt stieg sinkt sank',
  en: 'percent million millions billion billions shares revenue profit loss company quarter dividend '
    + 'outlook costs rose fell pays',
};

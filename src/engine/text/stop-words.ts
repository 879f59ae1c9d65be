/** Function words ignored when comparing sentence content (lower-case). */

const EN = `a about above after again against all almost also although always am among an and another any are around as at
be became because been before being below between both but by can cannot could did do does doing done down during each
either else even ever every few for from further had has have having he her here hers herself him himself his how however
i if in into is it its itself just last least less let like made make many may me might more most much must my myself
never new no nor not now of off often on once one only or other others otherwise our ours ourselves out over own per
rather said same say says see seen she should since so some still such than that the their theirs them themselves then
there these they this those though through thus to too under until up upon us very was we well were what when where
whether which while who whom whose why will with within without would yet you your yours also mr mrs ms its it's that's
told according added including year years week weeks month months day days time times two three first second`;

const DE = `aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes auch auf aus bei
beim bereits bin bis bisher bist da dabei dadurch dafür dagegen daher damit dann darauf darum das dass davon dazu dem den
denen denn dennoch der deren des deshalb dessen die dies diese diesem diesen dieser dieses doch dort du durch ein eine
einem einen einer eines einige einigen einiger einmal er es etwa euch euer eure für gegen gewesen hab habe haben hat hatte
hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im immer in ins ist ja jede jedem jeden jeder
jedes jedoch jetzt kann kein keine keinem keinen keiner können könnte man manche mehr mein meine mit muss musste nach
nicht nichts noch nun nur ob oder ohne schon sehr sein seine seinem seinen seiner seit sich sie sind so sogar solche
soll sollen sollte sondern sowie über um und uns unser unter viel viele vom von vor war waren warum was weil weiter welche
welchem welchen welcher wenn wer werde werden wie wieder will wir wird wo wurde wurden zu zum zur zwar zwischen laut sagte
sagt heißt heisst rund etwa jahr jahre jahren prozent zwei drei ersten erste neue neuen neuer`;

const toSet = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/u).filter((w) => w.length > 0));

/** Stop words per rule language. */
export const STOP_WORDS: Readonly<Record<'de' | 'en', ReadonlySet<string>>> = { de: toSet(DE), en: toSet(EN) };

/**
 * Tables for HTML extraction: which tags are blocks, which never hold article
 * text, and the class/id patterns of page furniture. Class and id values are
 * matched lower-cased; a pattern must start at a word boundary of the value
 * (start, space, "_" or a single "-") and end at one or before a known suffix,
 * so "share-bar", "sharebar" and "related-posts" match while "shared",
 * "has-sidebar", "non-paywall" and BEM modifiers ("section--ads") do not.
 */

/** Elements dropped with their content, wherever they are. */
export const DROP_TAGS = new Set([
  'nav', 'aside', 'footer', 'button', 'form', 'input', 'label', 'dialog', 'menu', 'fieldset', 'legend', 'map', 'area',
  'video', 'audio', 'picture', 'img', 'source', 'track', 'link', 'meta', 'style', 'option', 'figcaption', 'title',
]);

/** Block-level elements: text on either side of them is a separate paragraph. */
export const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
  'caption', 'figure', 'figcaption', 'address', 'hr', 'center', 'details', 'summary', 'form', 'fieldset', 'body',
  'hgroup', 'br',
]);

/** Sub-heading tags kept as headings in the output. */
export const HEADING_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

/** Blocks whose own text counts as a paragraph for scoring. */
export const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td', 'blockquote', 'li', 'dd']);

const B = String.raw`(?:^|[\s_]|(?<!-)-)(?<!(?:with|has|no|non|without)[-_])`;

/**
 * Furniture, wherever it is: an element whose class or id matches is dropped
 * with its content, unless it is an article or main element, names itself the
 * article body ({@link CONTENT_HINT}) or holds most of the page's text.
 */
export const BOILERPLATE = new RegExp(B + String.raw`(?:` + [
  'nav(?!igation-?content)', 'navbar', 'menu', 'breadcrumb', 'share', 'sharing', 'social', 'related', 'recommend',
  'newsletter', 'subscribe', 'subscription', 'cookie', 'consent', 'gdpr', 'banner', 'ad', 'ads', 'adv', 'advert',
  'advertisement', 'anzeige', 'werbung', 'sponsor', 'comment', 'kommentar', 'disqus', 'footer', 'sidebar', 'promo',
  'paywall', 'popup', 'modal', 'overlay', 'toolbar', 'pagination', 'pager', 'skip', 'masthead',
  'site-?header', 'page-?header', 'topbar', 'tags?', 'tag-?list', 'keywords', 'authors?', 'about-?(?:the-?)?author', 'byline',
  'saboxplugin', 'abh', 'figcaption', 'legend', '(?:img|image|photo|foto|bild)-?(?:metadata|caption|credits?|unterschrift|untertitel)',
  'bilduntertitel', 'respond', 'reply', 'replies', 'affiliate', 'disclaimer', 'disclosure', 'sharedaddy', 'likes',
  'dateline', 'meta', 'sr-only', 'visually-?hidden', 'print', 'caption', 'credit', 'copyright', 'login',
  'signup', 'follow', 'rating', 'controls', 'more-?(?:stories|articles)', 'read-?more', 'also', 'outbrain', 'taboola', 'print-?only',
  'newsticker', '(?:news|stock|market|boersen|börsen|kurs|aktien)-?ticker', 'tooltip', 'lightbox', 'gallery', 'galerie', 'bildergalerie', 'bildstrecke', 'fotostrecke', 'slideshow', 'slider', 'carousel', 'video', 'player', 'embed',
].join('|') + String.raw`)(?=$|[\s_\-\d]|s\b|s[\s_-]|(?:bar|box|list|links|block|container|wrapper|area|module|section|nav|panel|buttons?|icons?|tools|feed|widget|posts|articles|stories|items|text)\b)`, 'u');

/** Class/id of the article body itself: overrides a furniture match on the same element. */
export const CONTENT_HINT = new RegExp(String.raw`(?:^|\s)(?:entry|content|article|story|post|text|main|hentry)(?:$|\s)|` + B + String.raw`(?:article-?(?:body|content|text)|post-?(?:body|content)|entry-?content|story-?body|body-?text|main-?content|content-?body|articlebody|storycontent|rich-?text|paywall-?content)`, 'u');

/** Class/id evidence raising or lowering a container's score. */
export const POSITIVE = /article|body|content|entry|main|page|post|text|blog|story|artikel|beitrag|inhalt/u;
export const NEGATIVE = /comment|combx|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo|related|scroll|shoutbox|sidebar|sponsor|shopping|tags|tool|widget|teaser|hidden|share|social|nav|menu/u;

/** Roles of furniture landmarks. */
export const DROP_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alert', 'menu', 'menubar', 'toolbar', 'tablist']);

/** Whole-block furniture text in German, English and a few other languages (checked on short blocks only). */
export const FURNITURE_TEXT = new RegExp(String.raw`^(?:` + [
  'anzeige', 'werbung', 'teilen', 'artikel teilen', 'jetzt teilen', 'share(?: this(?: article| story| post)?)?(?: on \\w+)?',
  'advertisement', 'advert', 'ad', 'sponsored', 'promoted', 'publicidad', 'publicité', 'reklama', 'pubblicità',
  'mehr lesen', 'recommended(?: for you)?', 'you may also like', 'you might also like', 'sign up', 'newsletter',
  'follow us', 'folgen sie uns', 'tweet', 'facebook', 'twitter', 'whatsapp', 'linkedin', 'e-?mail', 'drucken', 'print',
  'kommentare?', 'comments?', 'zur startseite', 'back to top', 'nach oben', 'über (?:den|die) autor(?:in)?',
  'about the author', 'view comments', 'show comments', 'wird geladen', 'loading', 'vorschau auf den nächsten artikel',
  'nächster artikel', 'vorheriger artikel', 'next article', 'previous article', 'next post', 'previous post', 'zurück',
  'mehr erfahren', 'learn more', "don'?t miss", 'top stories', 'key points', 'highlights', 'most popular', 'most read',
  'meistgelesen', 'trending', '(?:this )?\\w+ requires javascript', '(?:please )?enable javascript',
  'javascript (?:is )?(?:disabled|required)',
  'kommentare? schreiben', 'lade weitere inhalte', 'mehr laden', 'load more', 'scroll to read more',
].join('|') + String.raw`)(?:\s*[:.!?…»›>|•·]*\s*(?:\(\d+\)|\d+)?)?$|^(?:` + [
  'auch interessant', 'zum thema', 'related(?: articles| stories| coverage| posts| tags| topics)?', 'siehe auch', 'mehr dazu',
  'alle rechte vorbehalten', 'all rights reserved',
].join('|') + String.raw`)(?:\s*[:|»›>–-]|$)|^(?:©|copyright\s*(?:©|\(c\)|\d{4}))|^(?:` + [
  'mehr zum thema', 'weitere (?:artikel|beiträge|themen|infos|informationen)', 'top themen', 'mehr themen',
  'das könnte sie auch interessieren', 'lesen sie auch', 'zum weiterlesen', 'weiterlesen', 'read more', 'more from',
  'lea también', 'lee también', 'lire aussi', 'voir aussi', 'see also', 'para comentar', 'um (?:zu )?kommentieren',
  'sie sind (?:aktuell |derzeit )?nicht (?:angemeldet|eingeloggt)', 'you must be logged in', 'most read', 'most popular', 'meistgelesen',
].join('|') + String.raw`)\b`, 'iu');

/** A short line that only stamps a date or time ("Aktualisiert am 3. Mai", "Last modified:", "19:49"). */
export const STAMP_LINE = /^(?:(?:zuletzt )?(?:aktualisiert|veröffentlicht|geändert|erstellt)(?: am)?|stand|updated|published|posted|last (?:modified|updated)|release date|datum|date)\s*:?(?:\s.{0,90})?$|^\d{1,2}[:.]\d{2}(?:\s*uhr)?$/iu;

/** A call to follow, join or share the site on social networks or apps (checked on short blocks only). */
export const SOCIAL_CTA = /^(?=.*\b(?:facebook|twitter|instagram|telegram|youtube|whatsapp|tiktok|linkedin|newsletters?|app(?:s)?|podcasts?|inbox)\b)(?=.*\b(?:follow|folg\w*|join|únete|síguenos|sigue\w*|abonn\w*|subscrib\w*|suscr\w*|download\w*|herunterladen|lade\w*|suivez|rejoignez|teil\w*|share)\b)/iu;

/** A prompt to share the article ("Möchten Sie den Artikel teilen?", "Share this:"). */
export const SHARE_PROMPT = /\b(?:teilen|share|partager|compartir|udostępnij)\b.{0,40}[?:]\s*$|^(?:artikel|beitrag|seite) (?:teilen|empfehlen|drucken)\b/iu;

/** A photo credit or caption source line ("Natalie Naccache | Bloomberg | Getty Images", "Foto: dpa"). */
export const CREDIT_LINE = /getty ?images|reuters|\bap photo|\bafp\b|\bdpa\b|picture[- ]alliance|\bimago\b|shutterstock|istock|wenn\.com|^[([]?(?:foto|fotos|photo|bild|credit|crédits?(?: photos?)?|quelle|source)\s*:|©/iu;

/**
 * The label that opens a press release's or article's contact details ("Pressekontakt:", "Ansprechpartnerin
 * zum Thema:", "Media contact"). Text from there on is not the article. ("About <Company>" is not cut: the
 * company profile is part of a press release.)
 */
export const END_MATTER = /^(?:(?:presse|medien)?kontakt(?:e|daten)?|ansprechpartner(?:in|innen)?(?: zum thema| für (?:die )?medien)?|für rückfragen|(?:media|press) (?:contacts?|enquiries|inquiries)|contacts?)\s*:?$/iu;

/** A WordPress shortcode left in the text ("[button …]Send us your review[/button]"). */
export const SHORTCODE = /^\[(\w+)[^\]]*\].*\[\/\1\]$/u;

"""Which outlet published an article: known web domains, and signatures in the text.

A *signature* is the outlet speaking about itself: a wire credit
("(MENAFN- Live Mint)"), a wire dateline ("KYIV (Reuters) -"), a "A message
from The Moscow Times:" or copyright line, or a known outlet's name in a
paragraph the outlet writes in the first person plural ("The Independent has
a proud history ... we first ran our ... campaign").

A *citation* is not a signature: "reports BBC", "according to Reuters",
"told CNN", "The BBC cannot independently verify" name a source the article
quotes, and an aggregator quoting the BBC is not the BBC.  So a known name
counts only in the contexts above, never on its own.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from desk.model import Boilerplate

from .boilerplate import _PERSON1_PLURAL, lines_of, outside_quotes
from .datelines import find_dateline

#: web domain (or domain + path prefix) -> outlet name, as users know it
OUTLETS: dict[str, str] = {
    # the outlets of ../shared/corpus/ukraine-media
    "rt.com": "RT",
    "foxnews.com": "Fox News",
    "abcnews.go.com": "ABC News",
    "abcnews.com": "ABC News",
    "huffpost.com": "HuffPost",
    "huffingtonpost.com": "HuffPost",
    "huffingtonpost.co.uk": "HuffPost",
    "bbc.com": "BBC",
    "bbc.co.uk": "BBC",
    "dailymail.co.uk": "Daily Mail",
    "dailymail.co.uk/wires/ap": "Associated Press (via dailymail.co.uk wires)",
    "dailymail.co.uk/wires/reuters": "Reuters (via dailymail.co.uk wires)",
    "dailymail.co.uk/wires/afp": "AFP (via dailymail.co.uk wires)",
    "express.co.uk": "Daily Express",
    "theguardian.com": "The Guardian",
    "guardian.co.uk": "The Guardian",
    "nbcnews.com": "NBC News",
    "reuters.com": "Reuters",
    "mirror.co.uk": "Daily Mirror",
    "cbsnews.com": "CBS News",
    "cnn.com": "CNN",
    # wires and agencies
    "apnews.com": "Associated Press",
    "ap.org": "Associated Press",
    "afp.com": "AFP",
    "upi.com": "UPI",
    "bloomberg.com": "Bloomberg",
    "tass.com": "TASS",
    "tass.ru": "TASS",
    "ria.ru": "RIA Novosti",
    "interfax.com": "Interfax",
    "interfax.com.ua": "Interfax-Ukraine",
    "ukrinform.net": "Ukrinform",
    "ukrinform.ua": "Ukrinform",
    "menafn.com": "MENAFN",
    "aa.com.tr": "Anadolu Agency",
    "xinhuanet.com": "Xinhua",
    "dpa.com": "dpa",
    "efe.com": "EFE",
    "ansa.it": "ANSA",
    # major English-language outlets
    "independent.co.uk": "The Independent",
    "themoscowtimes.com": "The Moscow Times",
    "livemint.com": "Live Mint",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "ft.com": "Financial Times",
    "economist.com": "The Economist",
    "telegraph.co.uk": "The Telegraph",
    "thetimes.co.uk": "The Times",
    "thesun.co.uk": "The Sun",
    "standard.co.uk": "Evening Standard",
    "news.sky.com": "Sky News",
    "sky.com": "Sky News",
    "itv.com": "ITV News",
    "channel4.com": "Channel 4 News",
    "npr.org": "NPR",
    "pbs.org": "PBS",
    "usatoday.com": "USA Today",
    "latimes.com": "Los Angeles Times",
    "nypost.com": "New York Post",
    "politico.com": "Politico",
    "politico.eu": "Politico Europe",
    "axios.com": "Axios",
    "thehill.com": "The Hill",
    "newsweek.com": "Newsweek",
    "time.com": "Time",
    "theatlantic.com": "The Atlantic",
    "vox.com": "Vox",
    "cnbc.com": "CNBC",
    "msnbc.com": "MSNBC",
    "aljazeera.com": "Al Jazeera",
    "dw.com": "Deutsche Welle",
    "france24.com": "France 24",
    "euronews.com": "Euronews",
    "rferl.org": "Radio Free Europe/Radio Liberty",
    "kyivindependent.com": "The Kyiv Independent",
    "kyivpost.com": "Kyiv Post",
    "pravda.com.ua": "Ukrainska Pravda",
    "meduza.io": "Meduza",
    "novayagazeta.eu": "Novaya Gazeta Europe",
    "spiegel.de": "Der Spiegel",
    "lemonde.fr": "Le Monde",
    "timesofindia.indiatimes.com": "The Times of India",
    "hindustantimes.com": "Hindustan Times",
    "thehindu.com": "The Hindu",
    "ndtv.com": "NDTV",
    "arynews.tv": "ARY News",
    "dawn.com": "Dawn",
    "tribune.com.pk": "The Express Tribune",
    "abc.net.au": "ABC (Australia)",
    "smh.com.au": "The Sydney Morning Herald",
    "cbc.ca": "CBC News",
    "globalnews.ca": "Global News",
    "scmp.com": "South China Morning Post",
    "japantimes.co.jp": "The Japan Times",
    "timesofisrael.com": "The Times of Israel",
    "jpost.com": "The Jerusalem Post",
    "yahoo.com": "Yahoo News",
    "msn.com": "MSN",
    "businessinsider.com": "Business Insider",
    "forbes.com": "Forbes",
    "vice.com": "Vice",
    "theintercept.com": "The Intercept",
    "motherjones.com": "Mother Jones",
    "breitbart.com": "Breitbart",
    "dailybeast.com": "The Daily Beast",
    "thedailybeast.com": "The Daily Beast",
    "metro.co.uk": "Metro",
    "inews.co.uk": "i",
}

_HOST_PREFIXES = ("www.", "www2.", "m.", "amp.", "mobile.", "edition.", "uk.", "us.", "eu.", "international.")


def outlet_label(name: str) -> str:
    """An outlet name as an identity: compatibility forms folded (NFKC: full-width letters, ligatures),
    format characters dropped (zero-width spaces, bidi controls, soft hyphens: category Cf), and so are
    control characters (ESC, NUL, DEL, C1: category Cc but white space), and runs of space made one.
    "Reu\u200bters" and "Ｒｅｕｔｅｒｓ" look like Reuters and are Reuters; as written they would make a
    second outlet that reads the same in every list and pane.  An ESC in a front matter's ``site:``
    ("Bay\x1b[31mTimes") was kept: an outlet the window's outlet filter, Wording box and pane names
    showed raw, and no one can type to filter by."""
    if name.isascii() and name.isprintable():
        return " ".join(name.split())
    folded = unicodedata.normalize("NFKC", name)
    return " ".join("".join(
        ch for ch in folded if ch.isspace() or unicodedata.category(ch) not in ("Cf", "Cc")
    ).split())


def outlet_from_url(url: str) -> str:
    """The outlet for a URL through :data:`OUTLETS`, or '' when the domain is unknown."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        return ""
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix) :]
            break
    path = parts.path.lower()
    labels = host.split(".")
    for i in range(len(labels) - 1):
        domain = ".".join(labels[i:])
        # the most specific path prefix first
        segments = [s for s in path.split("/") if s][:3]
        for n in range(len(segments), 0, -1):
            hit = OUTLETS.get(domain + "/" + "/".join(segments[:n]))
            if hit:
                return hit
        hit = OUTLETS.get(domain)
        if hit:
            return hit
    return ""


# --------------------------------------------------------------------------
# Signatures

_NAME = r"(?:The |the )?[A-Z][\w&'’.-]*(?: (?:of |for |and |on )?[A-Z][\w&'’.-]*){0,5}"
_MENAFN = re.compile(r"\((MENAFN|ANI|IANS)\s*[-–—]\s*([^()\n]{2,60}?)\s*\)")
_MESSAGE_FROM = re.compile(rf"^(?:a (?:message|note|word) from)\s+({_NAME})\s*:?\s*$", re.IGNORECASE)
_COPYRIGHT = re.compile(rf"^(?:©|\(c\)|(?i:copyright))\s*(?:©\s*)?(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?\s*,?\s*)?({_NAME})")

_known_names = sorted({v for v in OUTLETS.values() if "(" not in v}, key=len, reverse=True)
_KNOWN = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in _known_names) + r")(?![\w-])")


def _clean_name(name: str) -> str:
    name = re.split(r"\.\s|,|\s+all rights\b", name, maxsplit=1, flags=re.IGNORECASE)[0]
    return name.strip(" .,:;-–—'’")


def signature_outlet(text: str, boilerplate: list[Boilerplate] | None = None) -> tuple[str, str] | None:
    """(outlet, how it was found) from the outlet's own words in ``text``, or None."""
    lines = lines_of(text)
    m = _MENAFN.search(text)
    if m:
        return _clean_name(m.group(2)), f"wire credit ({m.group(1)})"
    for ln in lines[:8]:
        d = find_dateline(ln.text)
        if d is not None and d.outlet:
            return d.outlet, "wire dateline"
    for ln in lines:
        if len(ln.text) > 120:
            continue
        for pattern in (_MESSAGE_FROM, _COPYRIGHT):
            mm = pattern.match(ln.text)
            if mm:
                name = _clean_name(mm.group(1))
                if name and name.lower() not in ("the", "all rights reserved"):
                    return name, "signature"
    # a known outlet named where the text speaks as "we"
    paragraphs: dict[int, list[str]] = {}
    for ln in lines:
        paragraphs.setdefault(ln.para, []).append(ln.text)
    for para in reversed(list(paragraphs.values())):  # furniture sits at the end
        joined = " ".join(para)
        if len(joined.split()) > 150:
            continue
        plain = outside_quotes(joined)
        if not _PERSON1_PLURAL.search(plain):
            continue
        k = _KNOWN.search(plain)
        if k:
            return k.group(1), "signature"
    return None

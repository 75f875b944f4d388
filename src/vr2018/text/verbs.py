"""Dutch irregular verbs: the forms a light stemmer cannot join (bleef ↔ blijven, nam ↔ genomen).

Each is an inflection of one verb, so :mod:`.match` treats a form as an ``inflection`` of any
other form of the same verb. Language knowledge, not knowledge of the world: no form here
adds a fact the letter does not state. Stop words (``was``, ``werd``, ``had``) are never
matched and are left out.

Pure data: no I/O.
"""

from __future__ import annotations

# infinitive: its past tense (singular, plural) and past participle; the present tense is
# regular enough for the stemmer.
_VERBS = {
    "beginnen": ("begon", "begonnen", "begonnen"),
    "besluiten": ("besloot", "besloten", "besloten"),
    "bieden": ("bood", "boden", "geboden"),
    "blijven": ("bleef", "bleven", "gebleven"),
    "brengen": ("bracht", "brachten", "gebracht"),
    "denken": ("dacht", "dachten", "gedacht"),
    "dragen": ("droeg", "droegen", "gedragen"),
    "dringen": ("drong", "drongen", "gedrongen"),
    "gaan": ("ging", "gingen", "gegaan"),
    "geven": ("gaf", "gaven", "gegeven"),
    "helpen": ("hielp", "hielpen", "geholpen"),
    "houden": ("hield", "hielden", "gehouden"),
    "kiezen": ("koos", "kozen", "gekozen"),
    "komen": ("kwam", "kwamen", "gekomen"),
    "kopen": ("kocht", "kochten", "gekocht"),
    "krijgen": ("kreeg", "kregen", "gekregen"),
    "laten": ("liet", "lieten", "gelaten"),
    "leggen": ("legde", "legden", "gelegd"),
    "lopen": ("liep", "liepen", "gelopen"),
    "nemen": ("nam", "namen", "genomen"),
    "roepen": ("riep", "riepen", "geroepen"),
    "schrijven": ("schreef", "schreven", "geschreven"),
    "slagen": ("slaagde", "slaagden", "geslaagd"),
    "slaan": ("sloeg", "sloegen", "geslagen"),
    "sluiten": ("sloot", "sloten", "gesloten"),
    "spreken": ("sprak", "spraken", "gesproken"),
    "staan": ("stond", "stonden", "gestaan"),
    "stellen": ("stelde", "stelden", "gesteld"),
    "sterven": ("stierf", "stierven", "gestorven"),
    "streven": ("streefde", "streefden", "gestreefd"),
    "treden": ("trad", "traden", "getreden"),
    "trekken": ("trok", "trokken", "getrokken"),
    "vallen": ("viel", "vielen", "gevallen"),
    "vechten": ("vocht", "vochten", "gevochten"),
    "verbieden": ("verbood", "verboden", "verboden"),
    "verdwijnen": ("verdween", "verdwenen", "verdwenen"),
    "vergeten": ("vergat", "vergaten", "vergeten"),
    "verkiezen": ("verkoos", "verkozen", "verkozen"),
    "verliezen": ("verloor", "verloren", "verloren"),
    "verschijnen": ("verscheen", "verschenen", "verschenen"),
    "vinden": ("vond", "vonden", "gevonden"),
    "werpen": ("wierp", "wierpen", "geworpen"),
    "weten": ("wist", "wisten", "geweten"),
    "winnen": ("won", "wonnen", "gewonnen"),
    "zeggen": ("zei", "zeiden", "gezegd"),
    "zenden": ("zond", "zonden", "gezonden"),
    "zien": ("zag", "zagen", "gezien"),
    "zitten": ("zat", "zaten", "gezeten"),
    "zoeken": ("zocht", "zochten", "gezocht"),
    "zwijgen": ("zweeg", "zwegen", "gezwegen"),
}


# Forms that are also another word are left out, as are verbs most of whose forms are (lijden:
# leden, geleden; vragen: vroeg "early"; liggen: lagen "layers"; wijzen, wegen): a query word
# must not reach another word's paragraphs.
AMBIGUOUS = frozenset({"namen", "gaven", "geboden", "besloten", "gesloten", "verboden", "treden"})


# every form of every verb: a search asks for a verb's forms only when a word is one of them
_EVERY = frozenset(form for infinitive, past in _VERBS.items() for form in (infinitive, *past))
_FORMS: dict[str, tuple[str, ...]] = {}


def forms(word: str) -> tuple[str, ...]:
    """Every form of the irregular verb ``word`` is a form of (``word`` included), or ()."""
    if word not in _EVERY or word in AMBIGUOUS:
        return ()
    if not _FORMS:  # built on first need
        for infinitive, past in _VERBS.items():
            own = tuple(dict.fromkeys(f for f in (infinitive, *past) if f not in AMBIGUOUS))
            _FORMS.update(dict.fromkeys(own, own))
    return _FORMS[word]

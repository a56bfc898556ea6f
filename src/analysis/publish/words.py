"""Every word a reader sees, once per language: figure text, table labels, the report shell.

One table per language (`nb`, the default, and `en`) serves the figures,
the notebooks' views and the HTML report, so a label is written once and a
report in either language never mixes the two. `text(key, lang, **values)`
fills the `{placeholders}`.
"""

DEFAULT_LANGUAGE = "nb"

WORDS: dict[str, dict[str, str]] = {
    "nb": {
        # figures and views
        "sentences_per_speaker": "Setninger per taler",
        "n_sentences": "Antall setninger",
        "no_speaker": "(ingen taler / fortellende tekst)",
        "top_speakers": "De {n} talerne med flest setninger i {documents} dokumenter",
        "themes_per_meeting": "Temaer per møte",
        "share_of_meeting": "Andel av møtets setninger (%); tallet ved søylen er antall setninger",
        "choosing_k": "Valg av antall temaer",
        "k": "Antall temaer (k)",
        "value": "Verdi",
        "coherence": "Koherens (NPMI)",
        "stability": "Stabilitet (Jaccard)",
        "chosen_k": "valgt k = {k}",
        "top_terms": "Toppord per tema ({model})",
        "weight": "Vekt",
        "crosswalk": "Temaer i kodeboken per {model}-tema",
        "topic": "{model}-tema",
        "share_of_topic": "Andel av temaets vekt",
        "theme_by_meeting": "Temaer per møte",
        "meeting": "Møte",
        "share_of_sentences": "Andel av setningene",
        "theme_by_organisation": "Temaer per organisasjon",
        "organisation": "Organisasjon (talerens)",
        "raised_answered": "Reist av sivilsamfunnet – tatt opp av regjeringssiden?",
        "n_raisers": "Antall talere fra sivilsamfunnet som reiste temaet",
        "answered": "tatt opp senere i møtet",
        "not_answered": "ikke tatt opp",
        "uncoded": "(ukodet)",
        "kind_minutes": "referat",
        "kind_news": "nyhetssak",
        "kind_agenda": "saksliste",
        "kind_other": "dokument",
        "share_of_meeting_sentences": "Andel av møtets setninger",
        "n_sentences_short": "{n} setninger",
        "no_coded_sentences": "Ingen setninger kodet.",
        "manual": "manuell",
        "micro": "Alle (mikro)",
        "macro": "Snitt (makro)",
        "weak_note": "† svakt tema: F1 under {threshold} mot håndkoding, "
        "eller under {min_judged} håndkodede setninger.",
        "raw": "rå (automatisk koding)",
        "corrected": "korrigert for kodefeil",
        "raw_short": "rå",
        "corrected_short": "korrigert",
        "raw_and_corrected": "Temaandeler per {group}: rå og korrigert for kodefeil",
        "share_95": "Andel av setningene, med 95 %-intervall",
        "group_actor_type": "aktørtype",
        "group_meeting": "møte",
        "group_organisation": "organisasjon",
        "actor_government": "regjeringssiden",
        "actor_agency": "etat (NAV o.l.)",
        "actor_civil_society": "sivilsamfunn",
        "actor_measure_provider": "tiltaksarrangør",
        "actor_employer": "arbeidsgiver",
        "actor_research": "forskning",
        "actor_other": "annet",
        # the report's own text (the notebooks' narrative is in Norwegian)
        "title": "Inkluderingsdugnaden i referater – analyserapport",
        "intro": "Laget av <code>make report</code> fra notatbøkene i <code>notebooks/</code>: fortelling, tabeller "
        "og figurer uten kode. Hver figur finnes også som PNG, SVG og CSV i <code>reports/figures/</code>.",
        "contents": "Innhold",
        "source": "Kilde",
        "provenance": "Kilder og versjoner",
        "documents": "Dokumentene",
        "file": "Fil",
        "kind": "Type",
        "date": "Dato (manifest)",
        "doc_title": "Tittel (manifest)",
        "codebook": "Kodeboken",
        "themes": "temaer",
        "software": "Programvare",
        "python": "Python {version}. Alle installerte pakker (installert fra <code>requirements.lock</code>):",
        "packages": "{n} pakker",
        "package": "Pakke",
        "version": "Versjon",
    },
    "en": {
        # figures and views
        "sentences_per_speaker": "Sentences per speaker",
        "n_sentences": "Number of sentences",
        "no_speaker": "(no speaker / narrative)",
        "top_speakers": "The {n} speakers with the most sentences in {documents} documents",
        "themes_per_meeting": "Themes per meeting",
        "share_of_meeting": "Share of the meeting's sentences (%); the number is the count of sentences",
        "choosing_k": "Choosing the number of topics",
        "k": "Number of topics (k)",
        "value": "Value",
        "coherence": "Coherence (NPMI)",
        "stability": "Stability (Jaccard)",
        "chosen_k": "chosen k = {k}",
        "top_terms": "Top terms per topic ({model})",
        "weight": "Weight",
        "crosswalk": "Codebook themes per {model} topic",
        "topic": "{model} topic",
        "share_of_topic": "Share of the topic's weight",
        "theme_by_meeting": "Themes per meeting",
        "meeting": "Meeting",
        "share_of_sentences": "Share of sentences",
        "theme_by_organisation": "Themes per organisation",
        "organisation": "Organisation (of the speaker)",
        "raised_answered": "Raised by civil society – taken up by the government side?",
        "n_raisers": "Civil-society speakers who raised the theme",
        "answered": "taken up later in the meeting",
        "not_answered": "not taken up",
        "uncoded": "(uncoded)",
        "kind_minutes": "minutes",
        "kind_news": "news item",
        "kind_agenda": "agenda",
        "kind_other": "document",
        "share_of_meeting_sentences": "Share of the meeting's sentences",
        "n_sentences_short": "{n} sentences",
        "no_coded_sentences": "No sentences coded.",
        "manual": "manual",
        "micro": "All (micro)",
        "macro": "Mean (macro)",
        "weak_note": "† weak theme: F1 below {threshold} against hand coding, "
        "or fewer than {min_judged} hand-coded sentences.",
        "raw": "raw (automatic coding)",
        "corrected": "corrected for coding error",
        "raw_short": "raw",
        "corrected_short": "corrected",
        "raw_and_corrected": "Theme shares per {group}: raw and corrected for coding error",
        "share_95": "Share of sentences, with 95 % interval",
        "group_actor_type": "actor type",
        "group_meeting": "meeting",
        "group_organisation": "organisation",
        "actor_government": "government side",
        "actor_agency": "agency (NAV etc.)",
        "actor_civil_society": "civil society",
        "actor_measure_provider": "measure provider",
        "actor_employer": "employer",
        "actor_research": "research",
        "actor_other": "other",
        # the report's own text
        "title": "The inclusion effort in meeting minutes – analysis report",
        "intro": "Made by <code>make report</code> from the notebooks in <code>notebooks/</code>: narrative, tables "
        "and figures without code (the narrative is in Norwegian). Every figure is also in "
        "<code>reports/figures/</code> as PNG, SVG and CSV.",
        "contents": "Contents",
        "source": "Source",
        "provenance": "Sources and versions",
        "documents": "The documents",
        "file": "File",
        "kind": "Kind",
        "date": "Date (manifest)",
        "doc_title": "Title (manifest)",
        "codebook": "The codebook",
        "themes": "themes",
        "software": "Software",
        "python": "Python {version}. Every installed package (installed from <code>requirements.lock</code>):",
        "packages": "{n} packages",
        "package": "Package",
        "version": "Version",
    },
}
LANGUAGES = tuple(WORDS)


def text(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The reader's words for `key` in `lang`, with `values` filled in."""
    if lang not in WORDS:
        raise ValueError(f"language {lang!r} is not one of {', '.join(WORDS)}")
    return WORDS[lang][key].format(**values)


def kind_label(kind: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """'referat' for minutes; a kind without a word of its own is shown as the manifest writes it."""
    key = f"kind_{kind}"
    return text(key, lang) if key in WORDS[lang] else kind

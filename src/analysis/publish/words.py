"""Every word a reader sees, once per language: figure text, table labels, the report shell.

One table per language (`nb`, the default, and `en`) serves the figures,
the notebooks' views and the HTML report, so a label is written once and a
report in either language never mixes the two. `text(key, lang, **values)`
fills the `{placeholders}`.
"""

import functools
import numbers
import os
from pathlib import Path

import yaml
from IPython.display import Markdown

from analysis.base.config import LANGUAGE_ENV, NARRATIVE_PATH, display_path
from analysis.base.errors import InputError

DEFAULT_LANGUAGE = "nb"

WORDS: dict[str, dict[str, str]] = {
    "nb": {
        # figures and views
        "sentences_per_speaker": "Setninger per taler",
        "n_sentences": "Antall setninger",
        "no_speaker": "(ingen taler / fortellende tekst)",
        "no_attribution": "(ingen)",
        "top_speakers": "De {n} talerne med flest setninger i {documents} {documents:dokument|dokumenter}",
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
        "n_sentences_short": "{n} {n:setning|setninger}",
        "no_coded_sentences": "Ingen setninger kodet.",
        "manual": "manuell",
        "micro": "Alle (mikro)",
        "macro": "Snitt (makro)",
        "weak_note": "† svakt tema: F1 under {threshold} mot håndkoding, "
        "eller under {min_judged} håndkodede setninger.",
        "raw": "rå (automatisk koding)",
        "corrected": "korrigert for kodefeil",
        "raw_short": "rå",
        "unstable": "ustabil",
        "over_time": "Temaer over tid, {per}",
        "actors_over_time": "Temaer over tid per aktørtype, {per}",
        "per_meeting": "per møte",
        "per_month": "per måned",
        "per_quarter": "per kvartal",
        "per_year": "per år",
        "raised_over_time": "Andel av periodens møter der temaet ble reist",
        "period": "Periode",
        "unstable_note": "Temaer merket «ustabil» gjenfinnes ikke godt når modellen tilpasses på nytt med andre "
        "delutvalg og frø.",
        "topic_stability": "stabilitet per tema (delutvalg og frø)",
        "topic_quality": "Koherens og stabilitet for hvert tema i de valgte modellene",
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
        # computed Markdown in the notebooks (views.trust_markdown, stability_markdown, trend_markdown)
        "trust_none": "Ingen håndkoder: ingenting sier hvor langt de automatiske kodene kan stoles på. Trekk et utvalg "
        "med `analysis sample` og få det kodet (README: *Validate your own coding*).",
        "trust_coders": "{n} kodere ({names})",
        "trust_head": "{n} {n:setning|setninger} ble håndkodet av {who}. Mot dem når den automatiske koderen mikro-F1 "
        "**{f1}** (95 % bootstrapintervall).",
        "trust_strong": "- **F1 minst {bar}** ({n}): {themes}.",
        "trust_weak": "- **Svake, F1 under {bar}** ({n}): {themes}.",
        "trust_few": "- **For få håndkodede setninger til å vurdere** (under {min_judged}): {themes}.",
        "trust_marked": "De {n} svake eller uvurderte temaene har † i alle tabeller og figurer.",
        "trust_one_coder": "Bare én håndkoder: samsvar mellom kodere kan ikke regnes ut. En annen koders rader i "
        "`data/hand_codes.csv` (en annen verdi i `coder`) gir Cohens kappa og Krippendorffs alfa per tema.",
        "trust_between": "Mellom håndkoderne ({n} {n:setning|setninger} kodet av mer enn én): Krippendorffs alfa "
        "**{alpha}**, Cohens kappa {kappa}, alle beslutninger samlet.",
        "stability_line": "- **{model}**, k = {k}: {stable} av {k} temaer er stabile (minst {threshold})",
        "stability_unstable": "; ustabile: {topics}.",
        "stability_note": "Et ustabilt tema er merket *({mark})* i figurene under: et annet delutvalg eller frø deler "
        "eller slår det sammen, så et argument bør ikke hvile på det alene.",
        "trend_no_dates": "Ingen av de {n} dokumentene har dato: ingenting kan sies om endring over tid.",
        "trend_placed": "{n} {n:dokument|dokumenter} er plassert i tid, fra {first} til {last}, som {periods} {unit}",
        "trend_left_out": "; {n} uten brukbar dato er utelatt.",
        "trend_too_few": "{n} {unit} er for få til en trend (en glattet linje tegnes fra {min}): punktene viser hver "
        "periode, og en forskjell mellom dem er en forskjell mellom {between}, ikke et tegn på endring over tid.",
        "trend_these_meetings": "disse møtene",
        "trend_these_periods": "disse periodene",
        "trend_change": "{theme}, fra {before} til {after}",
        "trend_rise_fall": "Mellom de første og de siste {n} {unit}: størst økning har {rise}; størst nedgang har "
        "{fall}. Dette beskriver korpuset; les det sammen med punktenes intervaller før det kalles en endring.",
        # computed sentences of the evaluation (evaluate.score.describe, evaluate.coding.validity_markdown)
        "parse_described": "Parseren finner {found} av de {gold} opplysningene ({share}) en nøye leser skrev ned for "
        "{documents} {documents:dokument|dokumenter}; svakest er {field} ({field_found} av {field_gold}).",
        "field_present": "deltakere til stede",
        "field_absent": "deltakere med forfall",
        "field_copy": "kopimottakere",
        "field_agenda": "saker på sakslisten",
        "field_speakers": "talere i setningene",
        "field_date": "datoer",
        "field_chair": "møteledere",
        "field_minute_taker": "referenter",
        "field_organisation": "organisasjonen til funne personer",
        "no_date": "ingen dato",
        "validity_head": "Kodebok versjon {version} av {date}. På de {n_own} setningene i dokumentene kodeboken ble "
        "skrevet ut fra (håndkodet av `{coder}`; innenfor utvalget) når den automatiske koderen mikro-F1 "
        "**{f1_own}**. På {n_unseen} {n_unseen:setning|setninger} fra {documents} {documents:dokument|dokumenter} den "
        "ikke ble skrevet ut fra, håndkodet blindt av to kodere og avgjort (utviklingssettet), når den mikro-F1 "
        "**{f1_unseen}**, og den koder {off_coded} av de {off} setningene ({off_share}) i sine {off_documents} "
        "{off_documents:dokument|dokumenter} utenfor temaet.",
        "validity_stale": "Tallene for utviklingssettet ble målt med kodebok versjon {version} av {date}; kodeboken er "
        "endret siden, så de beskriver den forrige (kjør `make evaluate-devset` på nytt).",
        "validity_table_head": "| tema | F1, dokumentene den ble skrevet ut fra (håndkodede setninger) | F1, usette "
        "dokumenter (håndkodede setninger) |",
        "validity_min": "Et tema med færre enn {n} håndkodede setninger får ingen skår.",
        "validity_none_hand": "ingen håndkodet; {coded} kodet",
        "validity_too_few": "for få ({n})",
        "validity_not_measured": "ikke målt (nytt tema)",
        "validity_missing": "Koderen er ikke målt på dokumenter den ikke ble skrevet ut fra: `{path}` mangler "
        "(`make evaluate-devset` skriver den).",
        "validity_no_hand_codes": "Koderen er ikke målt på dette korpuset: ingen setning i `data/hand_codes.csv` "
        "er fra disse dokumentene (`analysis sample` trekker et utvalg å kode for hånd).",
        "field_all": "alle felt",
        # figure titles and captions in the notebooks
        "title_topic_selection": "Valg av antall temaer i temamodellene",
        "title_crosswalk": "Kodebokens temaer i hvert {model}-tema",
        "title_raised_answered": "Reist av sivilsamfunnet, tatt opp av regjeringssiden",
        "caption_sentences_per_speaker": "Antall setninger i hvert dokument som er tilskrevet hver deltaker; "
        "fortellende setninger uten taler vises som egen søyle.",
        "caption_theme_frequencies": "Andel av hvert dokuments setninger som er kodet med hvert tema i kodeboken; "
        "tallet ved søylen er antall setninger. En setning kan ha flere temaer.",
        "caption_raw_and_corrected_meeting": "Andel av hvert møtes setninger med hvert tema: rå (automatisk koding, "
        "åpen grå) og korrigert for kodefeil (fylt), med 95 %-intervaller som for den korrigerte også tar med "
        "usikkerheten i feilratene.",
        "caption_topic_selection": "NPMI-koherens og stabilitet over fem frø for NMF og LDA med k = 2–8; stiplet "
        "linje viser valgt k (beste gjennomsnittlige rang).",
        "caption_topic_quality": "Koherens (NPMI) og stabilitet for hvert tema i de valgte modellene; stiplet linje "
        "ved stabilitet {threshold}, grå søyler er ustabile temaer.",
        "caption_top_terms": "De åtte tyngste lemmaene i hvert tema i den valgte {model}-modellen.",
        "caption_crosswalk": "Andel av hvert {model}-temas vekt som faller på setninger kodet med hvert kodeboktema; "
        "(ukodet) er setninger uten tema.",
        "caption_theme_by_meeting": "Andel av hvert møtes setninger med hvert tema, korrigert for kodefeil; rå andeler "
        "og 95 %-intervaller står i CSV-filen. Tomme ruter: for få håndkodede setninger til å korrigere.",
        "caption_theme_by_organisation": "Andel av hver organisasjons setninger kodet med hvert tema, for "
        "organisasjoner med minst fem setninger, korrigert for kodefeil; n er antall setninger.",
        "caption_theme_by_meeting_raw": "Andel av hvert møtes setninger med hvert tema, rå (automatisk koding): "
        "ingen håndkoder fra dette korpuset å korrigere med; 95 %-intervaller står i CSV-filen.",
        "caption_theme_by_organisation_raw": "Andel av hver organisasjons setninger kodet med hvert tema, for "
        "organisasjoner med minst fem setninger, rå (automatisk koding); n er antall setninger.",
        "caption_raw_and_corrected_actor": "Andel av hver aktørtypes setninger med hvert tema: rå (automatisk koding, "
        "åpen grå) og korrigert for kodefeil (fylt), med 95 %-intervaller.",
        "caption_themes_over_time": "Andel av periodens setninger med hvert tema; punktets størrelse er antall "
        "setninger, grå strek er 95 %-intervall, og linjen (glidende andel over fem perioder) vises først fra åtte "
        "perioder.",
        "caption_actors_over_time": "Andel av hver aktørtypes setninger med hvert tema per periode, for aktørtypene "
        "med flest setninger; punktets størrelse er antall setninger.",
        "caption_recurring_over_time": "Andel av møtene i hver periode der temaet ble reist i minst én setning; n er "
        "antall møter i perioden.",
        "caption_raised_answered": "For hvert tema: antall talere fra sivilsamfunnet som reiste det, og hvor mange av "
        "dem som fikk temaet tatt opp av en taler fra regjeringssiden senere i samme møte (hel søyle).",
        "no_gold": "Ingen `data/gold.json` ennå: parsingen er ikke kontrollert mot en lesers uttrekk.",
        "gold_not_in_build": "Ingen av dokumentene i `data/gold.json` er med i denne byggingen: parsingen er ikke "
        "kontrollert mot en lesers uttrekk. Skriv en gullfil for noen av dine egne dokumenter.",
        # column labels of the tables a reader sees (views.for_reader)
        "col_meeting_id": "Møte",
        "col_meeting": "Møte",
        "col_date": "Dato",
        "col_kind": "Type",
        "col_title": "Tittel",
        "col_chair": "Møteleder",
        "col_n_attendees": "Deltakere",
        "col_n_segments": "Setninger",
        "col_organisation": "Organisasjon",
        "col_n_people": "Personer",
        "col_people": "Navn",
        "col_speaker": "Taler",
        "col_n_sentences": "Setninger",
        "col_share": "Andel",
        "col_attribution": "Tilskrevet ved",
        "col_field": "Felt",
        "col_gold": "Fasit",
        "col_parsed": "Lest",
        "col_found": "Funnet",
        "col_precision": "Presisjon",
        "col_recall": "Gjenfinning",
        "col_f1": "F1",
        "col_accuracy": "Treffsikkerhet",
        "col_id": "ID",
        "col_label_nb": "Navn (bokmål)",
        "col_label_en": "Navn (engelsk)",
        "col_definition": "Definisjon",
        "col_lemmas": "Lemmaer",
        "col_prefixes": "Ordledd",
        "col_phrases": "Fraser",
        "col_patterns": "Mønstre",
        "col_exclusions": "Unntak",
        "col_coder": "Koder",
        "col_theme": "Tema",
        "col_n_hand": "Håndkodet",
        "col_n_auto": "Autokodet",
        "col_cohen_kappa": "Cohens kappa",
        "col_krippendorff_alpha": "Krippendorffs alfa",
        "col_judged": "Vurdert",
        "col_model": "Modell",
        "col_k": "k",
        "col_coherence": "Koherens",
        "col_stability": "Stabilitet",
        "col_chosen": "Valgt",
        "col_converged": "Konvergert",
        "col_topic_id": "Tema nr.",
        "col_label": "Navn",
        "col_stable": "Stabil",
        "col_rank": "Rang",
        "col_n_coded": "Kodet",
        "col_test": "Test",
        "col_p_value": "p-verdi",
        "col_q_value": "q-verdi",
        "col_effect_size": "Effektstørrelse",
        "col_n_meetings": "Møter",
        "col_recurs": "Går igjen",
        "col_first_date": "Først reist",
        "col_again_date": "Reist igjen",
        "col_last_date": "Sist reist",
        "col_first_speaker": "Først reist av",
        "col_first_organisation": "Organisasjonen",
        "col_raised": "Reist",
        "col_answered": "Tatt opp",
        "col_share_answered": "Andel tatt opp",
        "col_raised_by": "Reist av",
        "col_answered_by": "Tatt opp av",
        "yes": "ja",
        "no": "nei",
        # a value a table holds in English for code that reads it (`test` in theme_differences.csv)
        "value_fisher exact": "Fishers eksakte test",
        "value_permutation chi-square": "permutasjonstest (kjikvadrat)",
        "value_none (theme absent or everywhere)": "ingen (temaet mangler eller finnes overalt)",
        # computed findings (analysis.publish.findings) and the fixed part of each alt text
        "k_of_n_sentences": "{k} av {n} {n:setning|setninger}",
        "finding_no_speakers": "ingen av de {n} setningene er tilskrevet en taler",
        "finding_top_speaker": "flest setninger er tilskrevet {who}, {share}, og {none} {none:setning|setninger} har "
        "ingen taler",
        "finding_nothing_coded": "ingen setninger er kodet med et tema",
        "finding_group_leader": "{group} har flest setninger om {theme}, {share}",
        "finding_common_leader": "{theme} er det hyppigste temaet i flest grupper ({k} av {n})",
        "finding_no_standout": "ingen gruppe har minst {n} setninger med et tema",
        "finding_standout": "{group} skiller seg mest ut på {theme}, med {k} av {n} {n:setning|setninger} mot "
        "{overall} i hele korpuset",
        "finding_no_correction": "ingen andel kunne korrigeres (for få håndkodede setninger)",
        "finding_no_groups": "ingen setninger har {group}",
        "finding_correction": "korreksjonen flytter {theme} i {group} mest, fra {raw} rå til {corrected} korrigert",
        "finding_no_topics": "ingen temamodell ble tilpasset (for få taleturer)",
        "finding_chosen_k": "{model} valgte k = {k} (koherens {coherence}, stabilitet {stability})",
        "finding_stable_topics": "{k} av {n} {model}-temaer er stabile",
        "finding_topic_terms": "tema {topic}: {terms}",
        "finding_and_more": " og {n} {n:tema|temaer} til",
        "finding_crosswalk": "tema {topic} heller mest mot {theme} ({share} av vekten)",
        "finding_crosswalk_uncoded": ", og tema {topic} har mest vekt på ukodede setninger ({share})",
        "finding_nothing_raised": "ingen taler fra sivilsamfunnet reiste et kodet tema",
        "finding_answered": "{most} ble reist av flest talere fra sivilsamfunnet ({raised}, {answered} av dem tatt "
        "opp), og {least} ble minst tatt opp ({least_answered} av {least_raised})",
        "finding_no_dates": "ingen dokumenter har dato",
        "finding_periods": "{n} {unit} i tidsrekkefølge",
        "finding_too_few_periods": ", for få til en trend, så bare punktene vises",
        "finding_recurring": "{k} av {n} {n:tema|temaer} ble reist i mer enn én av {periods} "
        "{periods:periode|perioder}",
        "unit_meeting": "{n:møte|møter}",
        "unit_month": "{n:måned|måneder}",
        "unit_quarter": "{n:kvartal|kvartaler}",
        "unit_year": "år",
        "alt_sentences_per_speaker": "Liggende søylediagram over antall setninger per taler",
        "alt_theme_frequencies": "Liggende søylediagram over andelen setninger med hvert tema per møte",
        "alt_raw_and_corrected": "Punktdiagram med ett panel per {group} og to punkter per tema, rå og korrigert "
        "andel med intervaller",
        "alt_topic_selection": "To linjediagrammer med koherens og stabilitet mot antall temaer",
        "alt_topic_quality": "Liggende søylediagrammer med hvert temas koherens og stabilitet",
        "alt_top_terms": "Små liggende søylediagrammer med de tyngste ordene i hvert {model}-tema",
        "alt_crosswalk": "Varmekart med kodeboktemaer mot {model}-temaer",
        "alt_theme_by_meeting": "Varmekart med temaer som rader og møter som kolonner",
        "alt_theme_by_organisation": "Varmekart med temaer som rader og organisasjoner som kolonner",
        "alt_themes_over_time": "Små punktdiagrammer, ett per tema, med temaets andel av setningene per periode",
        "alt_actors_over_time": "Små punktdiagrammer, ett per tema, med én farge per aktørtype",
        "alt_recurring_over_time": "Varmekart med temaer som rader og perioder som kolonner",
        "alt_raised_and_answered": "Liggende søylediagram per tema over talere fra sivilsamfunnet som reiste det og "
        "om regjeringssiden tok det opp",
        # the report's own text
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
        "no_attribution": "(none)",
        "top_speakers": "The {n} speakers with the most sentences in {documents} {documents:document|documents}",
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
        "n_sentences_short": "{n} {n:sentence|sentences}",
        "no_coded_sentences": "No sentences coded.",
        "manual": "manual",
        "micro": "All (micro)",
        "macro": "Mean (macro)",
        "weak_note": "† weak theme: F1 below {threshold} against hand coding, "
        "or fewer than {min_judged} hand-coded sentences.",
        "raw": "raw (automatic coding)",
        "corrected": "corrected for coding error",
        "raw_short": "raw",
        "unstable": "unstable",
        "over_time": "Themes over time, {per}",
        "actors_over_time": "Themes over time by actor type, {per}",
        "per_meeting": "per meeting",
        "per_month": "per month",
        "per_quarter": "per quarter",
        "per_year": "per year",
        "raised_over_time": "Share of the period's meetings that raised the theme",
        "period": "Period",
        "unstable_note": "Topics marked 'unstable' are not reproduced well when the model is refitted on other "
        "subsamples and seeds.",
        "topic_stability": "stability per topic (subsamples and seeds)",
        "topic_quality": "Coherence and stability of each topic of the chosen models",
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
        # computed Markdown in the notebooks (views.trust_markdown, stability_markdown, trend_markdown)
        "trust_none": "No hand codes: nothing says how far the automatic codes can be trusted. Draw a sample with "
        "`analysis sample` and have it coded (README: *Validate your own coding*).",
        "trust_coders": "{n} coders ({names})",
        "trust_head": "{n} {n:sentence was|sentences were} hand-coded by {who}. Against them the automatic coder "
        "reaches micro-F1 **{f1}** (95 % bootstrap interval).",
        "trust_strong": "- **F1 at least {bar}** ({n}): {themes}.",
        "trust_weak": "- **Weak, F1 below {bar}** ({n}): {themes}.",
        "trust_few": "- **Too few hand-coded sentences to judge** (under {min_judged}): {themes}.",
        "trust_marked": "The {n} weak or unjudged themes carry † in every table and figure.",
        "trust_one_coder": "Only one hand coder: agreement between coders cannot be computed. A second coder's rows in "
        "`data/hand_codes.csv` (another `coder` value) give Cohen's kappa and Krippendorff's alpha per theme.",
        "trust_between": "Between the hand coders ({n} {n:sentence|sentences} coded by more than one): "
        "Krippendorff's alpha **{alpha}**, Cohen's kappa {kappa}, all decisions pooled.",
        "stability_line": "- **{model}**, k = {k}: {stable} of {k} topics are stable (at least {threshold})",
        "stability_unstable": "; unstable: {topics}.",
        "stability_note": "An unstable topic is marked *({mark})* in the figures below: another subsample or seed "
        "splits or merges it, so an argument should not rest on it alone.",
        "trend_no_dates": "None of the {n} {n:document|documents} has a date: nothing can be said about change over "
        "time.",
        "trend_placed": "{n} {n:document is|documents are} placed in time, from {first} to {last}, as {periods} {unit}",
        "trend_left_out": "; {n} without a usable date are left out.",
        "trend_too_few": "{n} {unit} {n:is|are} too few for a trend (a smoothed line is drawn from {min} on): the "
        "points show each period, and a difference between them is a difference between {between}, not evidence of "
        "change over time.",
        "trend_these_meetings": "these meetings",
        "trend_these_periods": "these periods",
        "trend_change": "{theme}, from {before} to {after}",
        "trend_rise_fall": "Between the first and the last {n} {unit}: the largest rise is {rise}; the largest fall "
        "is {fall}. These describe the corpus; read them with the points' intervals before calling them a change.",
        # computed sentences of the evaluation (evaluate.score.describe, evaluate.coding.validity_markdown)
        "parse_described": "The parse recovers {found} of the {gold} facts ({share}) a careful reader wrote down for "
        "{documents} {documents:document|documents}; the weakest field is {field} ({field_found} of {field_gold}).",
        "field_present": "attendees present",
        "field_absent": "attendees absent",
        "field_copy": "copy recipients",
        "field_agenda": "agenda items",
        "field_speakers": "speakers of sentences",
        "field_date": "dates",
        "field_chair": "chairs",
        "field_minute_taker": "minute-takers",
        "field_organisation": "organisations of people found",
        "no_date": "no date",
        "validity_head": "Codebook version {version} of {date}. On the {n_own} {n_own:sentence|sentences} of the "
        "documents the codebook was written from (hand-coded by `{coder}`; in-sample), the automatic coder reaches "
        "micro-F1 **{f1_own}**. On {n_unseen} {n_unseen:sentence|sentences} of {documents} "
        "{documents:document|documents} it was not written from, hand-coded blind by two coders and adjudicated (the "
        "development set), it reaches micro-F1 **{f1_unseen}**, and it codes {off_coded} of the {off} "
        "{off:sentence|sentences} ({off_share}) of its {off_documents} off-topic {off_documents:document|documents}.",
        "validity_stale": "The development-set figures were measured with codebook version {version} of {date}; the "
        "codebook has changed since, so they describe the earlier one (re-run `make evaluate-devset`).",
        "validity_table_head": "| theme | F1, documents written from (hand-coded sentences) | F1, unseen documents "
        "(hand-coded sentences) |",
        "validity_min": "A theme with fewer than {n} hand-coded sentences is not scored.",
        "validity_none_hand": "none hand-coded; {coded} coded",
        "validity_too_few": "too few ({n})",
        "validity_not_measured": "not measured (a new theme)",
        "validity_missing": "The coder has not been scored on documents it was not written from: `{path}` is missing "
        "(`make evaluate-devset` writes it).",
        "validity_no_hand_codes": "The coder has not been scored on this corpus: no sentence in `data/hand_codes.csv` "
        "is from these documents (`analysis sample` draws a sample to code by hand).",
        "field_all": "all fields",
        # figure titles and captions in the notebooks
        "title_topic_selection": "Choosing the number of topics in the topic models",
        "title_crosswalk": "Codebook themes in each {model} topic",
        "title_raised_answered": "Raised by civil society, taken up by the government side",
        "caption_sentences_per_speaker": "Number of sentences in each document attributed to each attendee; "
        "narrative sentences without a speaker are a bar of their own.",
        "caption_theme_frequencies": "Share of each document's sentences coded with each codebook theme; the number "
        "by the bar is the count of sentences. A sentence may carry several themes.",
        "caption_raw_and_corrected_meeting": "Share of each meeting's sentences with each theme: raw (automatic "
        "coding, open grey) and corrected for coding error (filled), with 95 % intervals that for the corrected "
        "share include the uncertainty of the error rates.",
        "caption_topic_selection": "NPMI coherence and stability over five seeds for NMF and LDA with k = 2–8; the "
        "dashed line marks the chosen k (best mean rank).",
        "caption_topic_quality": "Coherence (NPMI) and stability of each topic of the chosen models; dashed line at "
        "stability {threshold}, grey bars are unstable topics.",
        "caption_top_terms": "The eight heaviest lemmas of each topic of the chosen {model} model.",
        "caption_crosswalk": "Share of each {model} topic's weight that falls on sentences coded with each codebook "
        "theme; (uncoded) are sentences without a theme.",
        "caption_theme_by_meeting": "Share of each meeting's sentences with each theme, corrected for coding error; "
        "raw shares and 95 % intervals are in the CSV file. Empty cells: too few hand-coded sentences to correct.",
        "caption_theme_by_organisation": "Share of each organisation's sentences coded with each theme, for "
        "organisations with at least five sentences, corrected for coding error; n is the number of sentences.",
        "caption_theme_by_meeting_raw": "Share of each meeting's sentences with each theme, raw (automatic coding): "
        "no hand codes from this corpus to correct with; 95 % intervals are in the CSV file.",
        "caption_theme_by_organisation_raw": "Share of each organisation's sentences coded with each theme, for "
        "organisations with at least five sentences, raw (automatic coding); n is the number of sentences.",
        "caption_raw_and_corrected_actor": "Share of each actor type's sentences with each theme: raw (automatic "
        "coding, open grey) and corrected for coding error (filled), with 95 % intervals.",
        "caption_themes_over_time": "Share of the period's sentences with each theme; a point's size is its number of "
        "sentences, the grey bar a 95 % interval, and the line (a moving share over five periods) appears only "
        "from eight periods on.",
        "caption_actors_over_time": "Share of each actor type's sentences with each theme per period, for the actor "
        "types with most sentences; a point's size is its number of sentences.",
        "caption_recurring_over_time": "Share of the meetings in each period in which the theme was raised in at least "
        "one sentence; n is the number of meetings in the period.",
        "caption_raised_answered": "For each theme: the civil-society speakers who raised it, and how many of them had "
        "the theme taken up by a government-side speaker later in the same meeting (solid bar).",
        "no_gold": "No `data/gold.json` yet: the parse has not been checked against a reader's extraction.",
        "gold_not_in_build": "No document of `data/gold.json` is in this build: the parse has not been checked "
        "against a reader's extraction. Write a gold file for some of your own documents.",
        # column labels of the tables a reader sees (views.for_reader)
        "col_meeting_id": "Meeting",
        "col_meeting": "Meeting",
        "col_date": "Date",
        "col_kind": "Kind",
        "col_title": "Title",
        "col_chair": "Chair",
        "col_n_attendees": "Attendees",
        "col_n_segments": "Sentences",
        "col_organisation": "Organisation",
        "col_n_people": "People",
        "col_people": "Names",
        "col_speaker": "Speaker",
        "col_n_sentences": "Sentences",
        "col_share": "Share",
        "col_attribution": "Attributed by",
        "col_field": "Field",
        "col_gold": "Gold",
        "col_parsed": "Parsed",
        "col_found": "Found",
        "col_precision": "Precision",
        "col_recall": "Recall",
        "col_f1": "F1",
        "col_accuracy": "Accuracy",
        "col_id": "ID",
        "col_label_nb": "Label (Norwegian)",
        "col_label_en": "Label (English)",
        "col_definition": "Definition",
        "col_lemmas": "Lemmas",
        "col_prefixes": "Word parts",
        "col_phrases": "Phrases",
        "col_patterns": "Patterns",
        "col_exclusions": "Exclusions",
        "col_coder": "Coder",
        "col_theme": "Theme",
        "col_n_hand": "Hand-coded",
        "col_n_auto": "Auto-coded",
        "col_cohen_kappa": "Cohen's kappa",
        "col_krippendorff_alpha": "Krippendorff's alpha",
        "col_judged": "Judged",
        "col_model": "Model",
        "col_k": "k",
        "col_coherence": "Coherence",
        "col_stability": "Stability",
        "col_chosen": "Chosen",
        "col_converged": "Converged",
        "col_topic_id": "Topic",
        "col_label": "Label",
        "col_stable": "Stable",
        "col_rank": "Rank",
        "col_n_coded": "Coded",
        "col_test": "Test",
        "col_p_value": "p value",
        "col_q_value": "q value",
        "col_effect_size": "Effect size",
        "col_n_meetings": "Meetings",
        "col_recurs": "Recurs",
        "col_first_date": "First raised",
        "col_again_date": "Raised again",
        "col_last_date": "Last raised",
        "col_first_speaker": "First raised by",
        "col_first_organisation": "Their organisation",
        "col_raised": "Raised",
        "col_answered": "Taken up",
        "col_share_answered": "Share taken up",
        "col_raised_by": "Raised by",
        "col_answered_by": "Taken up by",
        "yes": "yes",
        "no": "no",
        "value_fisher exact": "Fisher's exact test",
        "value_permutation chi-square": "permutation chi-square test",
        "value_none (theme absent or everywhere)": "none (theme absent or everywhere)",
        # computed findings (analysis.publish.findings) and the fixed part of each alt text
        "k_of_n_sentences": "{k} of {n} {n:sentence|sentences}",
        "finding_no_speakers": "none of the {n} {n:sentence|sentences} is attributed to a speaker",
        "finding_top_speaker": "most sentences are attributed to {who}, {share}, and {none} {none:sentence "
        "has|sentences have} no speaker",
        "finding_nothing_coded": "no sentence is coded with a theme",
        "finding_group_leader": "{group} has most sentences on {theme}, {share}",
        "finding_common_leader": "{theme} is the most frequent theme in most groups ({k} of {n})",
        "finding_no_standout": "no group has at least {n} sentences with a theme",
        "finding_standout": "{group} stands out most on {theme}, with {k} of {n} {n:sentence|sentences} against "
        "{overall} in the whole corpus",
        "finding_no_correction": "no share could be corrected (too few hand-coded sentences)",
        "finding_no_groups": "no sentence is attributed to any {group}",
        "finding_correction": "the correction moves {theme} in {group} most, from {raw} raw to {corrected} corrected",
        "finding_no_topics": "no topic model was fitted (too few speaker turns)",
        "finding_chosen_k": "{model} chose k = {k} (coherence {coherence}, stability {stability})",
        "finding_stable_topics": "{k} of {n} {model} topics are stable",
        "finding_topic_terms": "topic {topic}: {terms}",
        "finding_and_more": " and {n} more {n:topic|topics}",
        "finding_crosswalk": "topic {topic} leans most towards {theme} ({share} of its weight)",
        "finding_crosswalk_uncoded": ", and topic {topic} has most weight on uncoded sentences ({share})",
        "finding_nothing_raised": "no civil-society speaker raised a coded theme",
        "finding_answered": "{most} was raised by most civil-society speakers ({raised}, {answered} of them taken up), "
        "and {least} was taken up least ({least_answered} of {least_raised})",
        "finding_no_dates": "no document has a date",
        "finding_periods": "{n} {unit} in date order",
        "finding_too_few_periods": ", too few for a trend, so only the points are shown",
        "finding_recurring": "{k} of {n} {n:theme was|themes were} raised in more than one of {periods} "
        "{periods:period|periods}",
        "unit_meeting": "{n:meeting|meetings}",
        "unit_month": "{n:month|months}",
        "unit_quarter": "{n:quarter|quarters}",
        "unit_year": "{n:year|years}",
        "alt_sentences_per_speaker": "Horizontal bar chart of the number of sentences per speaker",
        "alt_theme_frequencies": "Horizontal bar chart of the share of sentences with each theme per meeting",
        "alt_raw_and_corrected": "Dot plot with one panel per {group} and two dots per theme, the raw and the "
        "corrected share with intervals",
        "alt_topic_selection": "Two line charts of coherence and stability against the number of topics",
        "alt_topic_quality": "Horizontal bar charts of each topic's coherence and stability",
        "alt_top_terms": "Small horizontal bar charts of the heaviest terms of each {model} topic",
        "alt_crosswalk": "Heat map of codebook themes against {model} topics",
        "alt_theme_by_meeting": "Heat map with themes as rows and meetings as columns",
        "alt_theme_by_organisation": "Heat map with themes as rows and organisations as columns",
        "alt_themes_over_time": "Small dot plots, one per theme, of the theme's share of sentences per period",
        "alt_actors_over_time": "Small dot plots, one per theme, with one colour per actor type",
        "alt_recurring_over_time": "Heat map with themes as rows and periods as columns",
        "alt_raised_and_answered": "Horizontal bar chart per theme of the civil-society speakers who raised it and "
        "whether the government side took it up",
        # the report's own text
        "title": "The inclusion effort in meeting minutes – analysis report",
        "intro": "Made by <code>analysis report --lang en</code> from the notebooks in <code>notebooks/</code>: "
        "narrative, tables and figures without code. Every figure is also in <code>reports/en/figures/</code> as PNG, "
        "SVG and CSV.",
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


class _Count(int):
    """A count that also chooses the word it counts: `{n:møte|møter}` is "møte" when n is 1, "møter" otherwise.

    So the string table, not the code, holds both forms, and a corpus of one
    meeting reads "1 møte", not "1 møter", in every caption and alt text.
    """

    def __format__(self, spec: str) -> str:
        if "|" in spec:
            one, many = spec.split("|", 1)
            return one if self == 1 else many
        return super().__format__(spec)


def text(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The reader's words for `key` in `lang`, with `values` filled in (a count may choose its word, see `_Count`)."""
    if lang not in WORDS:
        raise ValueError(f"language {lang!r} is not one of {', '.join(WORDS)}")
    counted = {
        name: _Count(value) if isinstance(value, numbers.Integral) and not isinstance(value, bool) else value
        for name, value in values.items()
    }
    return WORDS[lang][key].format(**counted)


def kind_label(kind: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """'referat' for minutes; a kind without a word of its own is shown as the manifest writes it."""
    key = f"kind_{kind}"
    return text(key, lang) if key in WORDS[lang] else kind


def language() -> str:
    """The language a notebook writes in: `ANALYSIS_LANG` (set by `analysis notebooks --lang`), else nb."""
    lang = os.environ.get(LANGUAGE_ENV) or DEFAULT_LANGUAGE
    if lang not in WORDS:
        raise InputError(LANGUAGE_ENV, f"language {lang!r} is not one of {', '.join(WORDS)}", "set it to nb or en")
    return lang


@functools.cache
def narrative_texts(path: Path = NARRATIVE_PATH) -> dict[str, dict[str, str]]:
    """The notebooks' narrative (`notebooks/narrative.yml`): key → {language: Markdown}, every language present."""
    try:
        texts = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise InputError(
            display_path(Path(path)), f"cannot read the narrative: {error}", "restore it from git"
        ) from None
    for key, versions in texts.items():
        missing = [lang for lang in WORDS if not isinstance(versions, dict) or not versions.get(lang)]
        if missing:
            raise InputError(display_path(Path(path)), f"{key!r} has no text in {', '.join(missing)}", "add it")
    return texts


def narrative(key: str, lang: str = DEFAULT_LANGUAGE, path: Path = NARRATIVE_PATH) -> str:
    """The Markdown of narrative `key` in `lang`."""
    texts = narrative_texts(path)
    if key not in texts:
        raise InputError(display_path(Path(path)), f"no narrative {key!r}", "add it, in every language")
    return texts[key][lang].strip()


def say(key: str, lang: str = DEFAULT_LANGUAGE) -> Markdown:
    """Show narrative `key` in a notebook, in `lang`, as Markdown (the report renders it like a Markdown cell)."""
    return Markdown(narrative(key, lang))

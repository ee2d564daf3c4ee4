"""The instructor's form: every EU standard element with vocabulary choices, converted to the API's payload."""

from __future__ import annotations

from django import forms

from mc_lms_bridge import vocab
from mc_lms_bridge.models import CompletionRule, MicroCredentialVersion, QfEheaCycle, Stackability

#: Language-map elements: the form edits one language at a time; saving keeps the other languages' texts.
TEXT_FIELDS = ("title", "description", "assessment_description", "prerequisites", "grading_scheme",
               "further_information")
PLAIN_FIELDS = ("ects_credits", "workload_hours", "eqf_level", "nqf_level", "qf_ehea_cycle", "assessment_type",
                "participation_mode", "learning_setting", "qa_type", "qa_body", "qa_url", "supervision",
                "stackability", "homepage", "valid_for_days")


def language_choices() -> list[tuple[str, str]]:
    return _choices("language", blank=False)


def _choices(name: str, blank: bool = True) -> list[tuple[str, str]]:
    return ([("", "—")] if blank else []) + vocab.get(name).choices()


def isced_f_choices() -> list[tuple[str, str]]:
    """ISCED-F 2013 fields as "0613 Software and applications ...", broad fields before their narrower ones."""
    return [(code, f"{code} {label}") for code, label in vocab.get("isced_f").choices()]


def legacy_nqf_level(value: object) -> str:
    """A free-text NQF level kept from before the QDR vocabulary ("" when empty or a QDR code)."""
    return value if isinstance(value, str) and value and value not in vocab.get("nqf") else ""


def _textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class MicroCredentialForm(forms.Form):
    """Validated twice: these fields catch input errors, then the API serializer checks the payload itself."""

    text_language = forms.ChoiceField(label="Language of the texts below", initial="en",
                                      choices=lambda: _choices("language", blank=False))
    title = forms.CharField(max_length=300, label="Title")
    description = forms.CharField(max_length=5000, required=False, widget=_textarea(), label="Description")
    languages = forms.MultipleChoiceField(choices=lambda: _choices("language", blank=False),
                                          label="Language(s) of instruction", required=False)
    learning_outcomes = forms.CharField(
        required=False, widget=_textarea(5), label="Learning outcomes",
        help_text="One per line; optionally followed by ' | ' and an ESCO skill URI.")
    ects_credits = forms.DecimalField(max_digits=5, decimal_places=2, min_value=0, max_value=999, required=False,
                                      label="ECTS credits")
    workload_hours = forms.IntegerField(min_value=1, max_value=30000, required=False, label="Workload (hours)")
    eqf_level = forms.ChoiceField(choices=lambda: _choices("eqf"), required=False, label="EQF level")
    nqf_level = forms.ChoiceField(
        choices=lambda: _choices("nqf"), required=False, label="NQF level",
        help_text="The level in a national qualifications framework (QDR list of the EU).",
        error_messages={"invalid_choice": '"%(value)s" is not an NQF level of the QDR list; choose one from the list.'})
    isced_f_codes = forms.MultipleChoiceField(
        choices=isced_f_choices, required=False, label="Fields of education (ISCED-F)",
        help_text="Needed for the Europass catalogue; choose the most specific field(s).",
        error_messages={"invalid_choice": '"%(value)s" is not an ISCED-F 2013 field of education code.'})
    qf_ehea_cycle = forms.ChoiceField(choices=[("", "—"), *QfEheaCycle.choices], required=False,
                                      label="QF-EHEA cycle")
    assessment_type = forms.ChoiceField(choices=lambda: _choices("assessment_type"), required=False,
                                        label="Type of assessment")
    assessment_description = forms.CharField(max_length=2000, required=False, widget=_textarea(),
                                             label="Assessment description")
    participation_mode = forms.ChoiceField(choices=lambda: _choices("participation_mode"), required=False,
                                           label="Form of participation")
    learning_setting = forms.ChoiceField(choices=lambda: _choices("learning_setting"), required=False,
                                         label="Learning setting")
    qa_type = forms.ChoiceField(choices=lambda: _choices("qa_type"), required=False, label="Quality assurance")
    qa_body = forms.CharField(max_length=300, required=False, label="Quality assurance body")
    qa_url = forms.URLField(required=False, label="Quality assurance report URL")
    prerequisites = forms.CharField(max_length=2000, required=False, widget=_textarea(), label="Prerequisites")
    supervision = forms.ChoiceField(choices=lambda: _choices("supervision"), required=False,
                                    label="Supervision and identity verification")
    grading_scheme = forms.CharField(max_length=2000, required=False, label="Grading scheme")
    stackability = forms.ChoiceField(choices=Stackability.choices, initial=Stackability.STANDALONE,
                                     label="Stackability")
    further_information = forms.CharField(max_length=5000, required=False, widget=_textarea(),
                                          label="Further information")
    homepage = forms.URLField(required=False, label="Homepage")
    valid_for_days = forms.IntegerField(min_value=1, max_value=36500, required=False, label="Valid for (days)")
    rule = forms.ChoiceField(choices=CompletionRule.choices, initial=CompletionRule.PASSED, label="Award when")
    min_grade = forms.DecimalField(max_digits=5, decimal_places=4, min_value=0, max_value=1, required=False,
                                   label="Minimum grade (0-1)", help_text="Only for the minimum grade rule.")

    def __init__(self, *args, legacy_nqf: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        legacy = legacy_nqf or legacy_nqf_level(self.initial.get("nqf_level"))
        if legacy:  # offer the stored free text so that saving other changes keeps it (it is never sent again)
            field = self.fields["nqf_level"]
            field.choices = [*field.choices, (legacy, f"{legacy} (free text from an older version; choose a level)")]
            field.help_text = (f'"{legacy}" is free text from before the QDR list: it is kept but not shown in '
                               "Europass credentials until you choose a level from the list.")

    def clean(self):
        data = super().clean()
        if data.get("rule") == CompletionRule.MIN_GRADE and data.get("min_grade") is None:
            self.add_error("min_grade", "The minimum grade rule needs a minimum grade between 0 and 1.")
        if data.get("rule") != CompletionRule.MIN_GRADE:
            data["min_grade"] = None
        return data

    def payload(self, existing: MicroCredentialVersion | None = None) -> dict:
        """The content as the REST API's VersionContentSerializer expects it.

        Texts are written in the form's language only: the other languages' texts of ``existing`` (the version
        being edited) are kept, also in the learning outcomes (matched by text, ESCO URI, then position).
        """
        data, language = self.cleaned_data, self.cleaned_data["text_language"]
        payload = {}
        for name in TEXT_FIELDS:
            texts = dict(getattr(existing, name, None) or {})
            texts.pop(language, None)
            if data.get(name, "").strip():
                texts[language] = data[name].strip()
            payload[name] = texts
        for name in PLAIN_FIELDS:
            value = data.get(name)
            payload[name] = str(value) if name == "ects_credits" and value is not None else value
        for name in ("nqf_level", "qa_body", "qa_url", "homepage"):
            payload[name] = payload[name] or ""
        if legacy_nqf_level(payload["nqf_level"]) and payload["nqf_level"] == getattr(existing, "nqf_level", None):
            del payload["nqf_level"]  # an unchanged free-text level stays as it is
        payload["languages"] = list(data.get("languages") or [])
        payload["isced_f_codes"] = list(data.get("isced_f_codes") or [])
        lines = [_split(line) for line in data.get("learning_outcomes", "").splitlines() if line.strip()]
        previous = [{"text": dict(o.text), "esco_skill_uri": o.esco_skill_uri}
                    for o in (existing.learning_outcomes.all() if existing is not None else [])]
        payload["learning_outcomes"] = _merge_outcomes(lines, language, previous)
        return payload


def _split(line: str) -> tuple[str, str]:
    text, _, uri = line.partition(" | ")
    return text.strip(), uri.strip()


def _match(text: str, uri: str, index: int, previous: list[dict], unused: set[int]) -> int | None:
    for position in sorted(unused):
        if text in previous[position]["text"].values():
            return position
    for position in sorted(unused):
        if uri and previous[position]["esco_skill_uri"] == uri:
            return position
    return index if index in unused else None


def _merge_outcomes(lines: list[tuple[str, str]], language: str, previous: list[dict]) -> list[dict]:
    """Outcomes with this language's texts from the form and the other languages' texts kept."""
    unused, outcomes = set(range(len(previous))), []
    for index, (text, uri) in enumerate(lines):
        position = _match(text, uri, index, previous, unused)
        texts = {}
        if position is not None:
            unused.discard(position)
            texts = dict(previous[position]["text"])
        # A line still showing another language's text (no text in this language yet) stays as it was.
        if language in texts or text not in texts.values():
            texts[language] = text
        outcome = {"text": texts}
        if uri:
            outcome["esco_skill_uri"] = uri
        outcomes.append(outcome)
    return outcomes


def text_language_of(version: MicroCredentialVersion | None, wanted: str = "") -> str:
    """The language to edit: the wanted one when it is a known language code, else the title's first language."""
    if wanted and wanted in dict(language_choices()):
        return wanted
    titles = (version.title or {}) if version is not None else {}
    return next(iter(titles), "") or "en"


def initial_from(version: MicroCredentialVersion | None, rule: str, min_grade, language: str = "") -> dict:
    """Form values of an existing version, texts in ``language`` (default: the title's first language)."""
    if version is None:
        return {"rule": rule, "min_grade": min_grade}
    language = text_language_of(version, language)
    initial = {name: (getattr(version, name) or {}).get(language, "") for name in TEXT_FIELDS}
    initial.update({name: getattr(version, name) for name in PLAIN_FIELDS})
    outcomes = []
    for outcome in version.learning_outcomes.all():
        text = outcome.text.get(language) or next(iter(outcome.text.values()), "")
        outcomes.append(f"{text} | {outcome.esco_skill_uri}" if outcome.esco_skill_uri else text)
    initial.update(text_language=language, languages=version.languages, isced_f_codes=version.isced_f_codes,
                   learning_outcomes="\n".join(outcomes),
                   rule=rule, min_grade=min_grade)
    return initial

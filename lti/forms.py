"""The instructor's form: every EU standard element with vocabulary choices, converted to the API's payload."""

from __future__ import annotations

from django import forms

from mc_lms_bridge import vocab
from mc_lms_bridge.models import CompletionRule, MicroCredentialVersion, QfEheaCycle, Stackability

#: Language-map elements: one text per element, in the language the instructor picks for the form.
TEXT_FIELDS = ("title", "description", "assessment_description", "prerequisites", "grading_scheme",
               "further_information")
PLAIN_FIELDS = ("ects_credits", "workload_hours", "eqf_level", "nqf_level", "qf_ehea_cycle", "assessment_type",
                "participation_mode", "learning_setting", "qa_type", "qa_body", "qa_url", "supervision",
                "stackability", "homepage", "valid_for_days")


def _choices(name: str, blank: bool = True) -> list[tuple[str, str]]:
    return ([("", "—")] if blank else []) + vocab.get(name).choices()


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
    nqf_level = forms.CharField(max_length=40, required=False, label="NQF level")
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

    def clean(self):
        data = super().clean()
        if data.get("rule") == CompletionRule.MIN_GRADE and data.get("min_grade") is None:
            self.add_error("min_grade", "The minimum grade rule needs a minimum grade between 0 and 1.")
        if data.get("rule") != CompletionRule.MIN_GRADE:
            data["min_grade"] = None
        return data

    def payload(self) -> dict:
        """The content as the REST API's VersionContentSerializer expects it."""
        data, language = self.cleaned_data, self.cleaned_data["text_language"]
        payload = {name: ({language: data[name].strip()} if data.get(name, "").strip() else {})
                   for name in TEXT_FIELDS}
        for name in PLAIN_FIELDS:
            value = data.get(name)
            payload[name] = str(value) if name == "ects_credits" and value is not None else value
        for name in ("nqf_level", "qa_body", "qa_url", "homepage"):
            payload[name] = payload[name] or ""
        payload["languages"] = list(data.get("languages") or [])
        payload["learning_outcomes"] = [_outcome(line, language)
                                        for line in data.get("learning_outcomes", "").splitlines() if line.strip()]
        return payload


def _outcome(line: str, language: str) -> dict:
    text, _, uri = line.partition(" | ")
    outcome = {"text": {language: text.strip()}}
    if uri.strip():
        outcome["esco_skill_uri"] = uri.strip()
    return outcome


def initial_from(version: MicroCredentialVersion | None, rule: str, min_grade) -> dict:
    """Form values of an existing version, texts in its first language."""
    if version is None:
        return {"rule": rule, "min_grade": min_grade}
    language = (version.languages or ["en"])[0]
    initial = {name: (getattr(version, name) or {}).get(language, "") for name in TEXT_FIELDS}
    initial.update({name: getattr(version, name) for name in PLAIN_FIELDS})
    outcomes = []
    for outcome in version.learning_outcomes.all():
        text = outcome.text.get(language) or next(iter(outcome.text.values()), "")
        outcomes.append(f"{text} | {outcome.esco_skill_uri}" if outcome.esco_skill_uri else text)
    initial.update(text_language=language, languages=version.languages, learning_outcomes="\n".join(outcomes),
                   rule=rule, min_grade=min_grade)
    return initial

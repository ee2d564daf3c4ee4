"""Instructor form in several languages: saving one language keeps the other languages' texts."""

from __future__ import annotations

import re

from test_instructor import FORM

from mc_lms_bridge.models import CourseTag

ESCO = "http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a"
EN_OUTCOME_1, EN_OUTCOME_2 = "Develop digital content from data.", "Communicate findings to a target community."


def _launch_id(moodle):
    response = moodle.launch()
    assert response.status_code == 303, response.content
    return response["Location"].split("launch=")[1]


def _post(client, launch_id, action="save", **changes):
    return client.post("/lti/course/", {**FORM, **changes, "launch": launch_id, "action": action})


def _version():
    return CourseTag.objects.get().microcredential.working_version()


def _texts(version):
    return [o.text for o in version.learning_outcomes.order_by("position")]


def test_saving_french_keeps_english_and_back(client, moodle):
    launch_id = _launch_id(moodle)
    assert _post(client, launch_id).status_code == 302

    page = client.get("/lti/course/", {"launch": launch_id, "lang": "fr"}).content.decode()
    assert re.search(r'<option value="fr" selected>', page)  # the form edits French now
    assert re.search(r'<input type="text" name="title"(?![^>]*value=)', page)  # no French title yet
    assert EN_OUTCOME_1 in page  # outcomes without French text show the English one
    assert "Texts exist in: en" in page

    french = {"text_language": "fr", "title": "Littératie des données", "description": "Lire des données.",
              "learning_outcomes": f"Développer du contenu numérique. | {ESCO}\n{EN_OUTCOME_2}"}
    response = _post(client, launch_id, **french)
    assert response.status_code == 302 and "lang=fr" in response["Location"]
    version = _version()
    assert version.title == {"en": "Data Literacy", "fr": "Littératie des données"}
    assert version.description == {"en": "Reading and presenting data.", "fr": "Lire des données."}
    assert _texts(version) == [{"en": EN_OUTCOME_1, "fr": "Développer du contenu numérique."},
                               {"en": EN_OUTCOME_2}]  # an untouched fallback line adds no French text

    english = client.get("/lti/course/", {"launch": launch_id, "lang": "en"}).content.decode()
    assert 'value="Data Literacy"' in english and "Texts exist in: en, fr" in english
    assert _post(client, launch_id, title="Data Literacy II", description="").status_code == 302
    version = _version()
    assert version.title == {"en": "Data Literacy II", "fr": "Littératie des données"}
    assert version.description == {"fr": "Lire des données."}  # emptying removes only this language's text
    assert _texts(version)[0] == {"en": EN_OUTCOME_1, "fr": "Développer du contenu numérique."}


def test_outcomes_follow_their_text_when_lines_move(client, moodle):
    launch_id = _launch_id(moodle)
    _post(client, launch_id)
    _post(client, launch_id, text_language="fr", title="Titre",
          learning_outcomes=f"Un. | {ESCO}\nDeux.")
    # English edit: the lines are swapped and the first one is reworded.
    _post(client, launch_id, learning_outcomes=f"{EN_OUTCOME_2}\nDevelop content. | {ESCO}")
    assert _texts(_version()) == [{"en": EN_OUTCOME_2, "fr": "Deux."}, {"en": "Develop content.", "fr": "Un."}]


def test_published_version_texts_are_carried_into_the_next_draft(client, moodle):
    launch_id = _launch_id(moodle)
    _post(client, launch_id, text_language="fr", title="Titre", description="Texte.")
    assert _post(client, launch_id, "publish", title="Title", description="Text.").status_code == 302
    published = CourseTag.objects.get().microcredential.published_version()
    assert published.title == {"fr": "Titre", "en": "Title"}
    assert _post(client, launch_id, text_language="fr", title="Titre 2").status_code == 302
    assert _version().title == {"fr": "Titre 2", "en": "Title"} and _version().version == 2


def test_unknown_language_parameter_falls_back_to_the_texts_language(client, moodle):
    launch_id = _launch_id(moodle)
    _post(client, launch_id, text_language="fr", title="Titre")
    page = client.get("/lti/course/", {"launch": launch_id, "lang": "xx-not"}).content.decode()
    assert 'value="Titre"' in page

"""The marks of a result's title and excerpt: escaped text, the query's words found
whatever their accents, case and plural, and after a typo the words close to it."""

from __future__ import annotations

from search.excerpts import Marker, excerpt, highlight


def test_words_are_marked_whatever_their_accents_case_and_plural():
    marker = Marker.of(["benevoles", "numerique"])

    assert highlight("Des Bénévoles et le NUMÉRIQUE, un bénévole", marker) == (
        "Des <mark>Bénévoles</mark> et le <mark>NUMÉRIQUE</mark>, un <mark>bénévole</mark>"
    )


def test_a_prefix_being_typed_marks_the_words_it_begins():
    assert highlight("Numérique et numérisation", Marker.of(["numeri"])) == (
        "<mark>Numérique</mark> et <mark>numérisation</mark>"
    )


def test_short_words_are_marked_only_whole():
    assert highlight("Un CRM, des CRMs", Marker.of(["crm"])) == "Un <mark>CRM</mark>, des CRMs"


def test_the_text_is_escaped_before_it_is_marked():
    marker = Marker.of(["script", "benevole"])

    assert highlight('<script>alert("bénévole")</script> & co', marker) == (
        "&lt;<mark>script</mark>&gt;alert(&quot;<mark>bénévole</mark>&quot;)&lt;/"
        "<mark>script</mark>&gt; &amp; co"
    )


def test_after_a_typo_the_close_words_are_marked():
    marker = Marker.of(["nextclod"], ["nextclod"])

    assert highlight("Nextcloud et Nexus", marker) == "<mark>Nextcloud</mark> et Nexus"
    assert marker.closest("Un Nextcloud partagé, Nexcloud") == {"nextclod": "Nextcloud"}


def test_the_excerpt_is_the_passage_around_the_first_match():
    before = " ".join(f"mot{n}" for n in range(40))
    after = " ".join(f"suite{n}" for n in range(60))
    text = f"{before} Le bénévole arrive. {after}"

    shown = excerpt(["Rien ici.", text], Marker.of(["benevole"]))

    assert shown.startswith("… mot")
    assert "Le <mark>bénévole</mark> arrive." in shown
    assert shown.endswith(" …")
    assert len(shown) < 300


def test_without_a_match_the_excerpt_is_the_beginning_of_the_first_text():
    assert excerpt(["", "  Une   ressourcerie  de quartier. "], Marker.of(["zorglub"])) == (
        "Une ressourcerie de quartier."
    )
    assert excerpt(["", " "], Marker.of(["zorglub"])) == ""

"""Medical content with no implied green lights, over HTTP with both servers (children, breastfeeding,
reduced sensation, eyes, precautions with every verdict, questions as wide as the source)."""

from padsafety.rules import load_rulebook

RULES = load_rulebook().screening_rules
QUESTIONS = len(RULES)


def test_children_get_no_green_light(servers, sender):
    text = servers.say(sender, "is it safe for kids?")
    assert "no safety information for children" in text and "paediatrician" in text


def test_a_named_child_is_the_person_the_referral_is_for(servers, sender):
    text = servers.say(sender, "my 6 year old has growing pains, can he use it?")
    assert "have them talk to their doctor" in text
    assert "no safety information for children" in text


def test_breastfeeding_is_answered_on_its_own(servers, sender):
    text = servers.say(sender, "Is it ok while breastfeeding?")
    assert "breastfeeding" in text.lower() and "midwife" in text
    assert "fetus" not in text  # not the pregnancy answer


def test_numbness_is_asked_about_and_warned_of(servers, sender):
    text = servers.say(sender, "My doctor says I have some neuropathy in my feet. Is that a problem?")
    assert "please talk to your doctor" in text and "burn can go unnoticed" in text
    text = servers.say(sender, "does it help poor circulation in my feet?")
    assert "skin you cannot feel" in text


def test_eye_guidance(servers, sender):
    text = servers.say(sender, "how long should a session be and do I need goggles?")
    assert "never look into the light" in text and "near-infrared" in text
    text = servers.say(sender, "I had cataract surgery last month")
    assert "please talk to your doctor" in text and "eye" in text.lower()


def test_every_verdict_carries_the_precautions(servers, sender):
    text = servers.say(sender, "is it safe for me to use?")
    assert "at the moment?" in text or f"Question 1 of {QUESTIONS}" in text
    for _ in range(QUESTIONS):
        text = servers.say(sender, "I don't know")
        if "Verdict" in text:
            break
    assert "Verdict: ask your doctor first" in text
    assert "General precautions" in text and "skin you cannot feel" in text


def test_questions_are_as_wide_as_the_source(servers, sender):
    by_id = {r.id: number for number, r in enumerate(RULES, start=1)}
    text = servers.say(sender, "is it safe for me to use?")
    asked = [text]
    for _ in range(QUESTIONS - 1):
        asked.append(servers.say(sender, "/deny"))
    joined = "\n".join(asked)
    assert "on the area you want to treat" not in joined
    assert f"Question {by_id['reduced_sensation']} of {QUESTIONS}" in joined and "reduced feeling" in joined
    assert "not checked yet" in joined and "possible fracture" in joined

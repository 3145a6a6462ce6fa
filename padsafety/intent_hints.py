"""Deterministic intent hints for what the classifier confuses most in real users' messages.

The intent classifier learns from examples and spreads its confidence over 38 intents; short or
chatty real messages ("lol i nearly had a heart attack at the price", "why? it's far from the baby",
"sounds good, thx") often come out below the fallback threshold or as a look-alike intent. A few cue
patterns are unambiguous enough to decide: business words mean a purchase question, an animal means a
pet question, a bare "why?" is a follow-up. A hint applies only when the classifier is not already
confident of a compatible intent. Safety never depends on these: the safety policy reads the recogniser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import FrozenSet, Optional, Tuple

from padsafety.conversation import (
    ALONGSIDE_FOLLOWUP,
    CALM_SKIN_FOLLOWUP,
    CURE_ALONE,
    ELSEWHERE_ON_THEM,
    MISREAD_COMPLAINT,
    NOT_A_YES_NO,
    RESUME_CHECK,
    SEE_DOCTOR_QUESTION,
    SIMPLER_REQUEST,
    SYMPTOMS_FOLLOWUP,
    WHICH_ONE,
    WHY_QUESTION,
    WORSENING,
    is_pause,
)
from padsafety.medicines import CHANGES_MEDICINE
from padsafety.messages import COMPLAINT_ABOUT_BOT


@dataclass(frozen=True)
class Hint:
    """A cue pattern and the intent it means, unless the classifier is sure of a compatible one."""

    intent: str
    pattern: "re.Pattern[str]"
    compatible: FrozenSet[str]
    max_words: int = 60             # longer messages are left to the classifier
    below_confidence: float = 1.01  # applies only when the classifier's confidence is lower
    keep_confidence: float = 0.3    # a compatible intent at least this confident is kept
    confirm_compatible: bool = False  # a kept compatible guess is confirmed ("thank u, bye": no near tie)


def _p(pattern: str) -> "re.Pattern[str]":
    return re.compile(pattern, re.IGNORECASE)


_KNOWLEDGE = frozenset({
    "ask_how_it_works", "ask_benefits", "ask_benefit_muscle_joint", "ask_benefit_wound_healing",
    "ask_benefit_circulation", "ask_limitations", "ask_evidence", "ask_limitation_weight_loss",
    "ask_limitation_chronic_disease", "ask_limitation_anti_aging", "ask_limitation_variability",
    "ask_limitation_medical_substitute", "ask_who_should_avoid", "ask_avoid_pregnancy",
    "ask_avoid_skin_conditions", "ask_avoid_photosensitivity", "ask_avoid_implanted_device",
    "ask_avoid_children", "ask_usage_safety", "ask_not_in_source", "request_screening",
})

_SAFETY = frozenset({"mention_condition", "report_red_flag", "request_forget"})

# "why?", "why not, it's only light", "how come?": a follow-up whatever words come after it
# ("why tho? its just light": user study round 16, #02, got how light works)
_BARE_FOLLOWUP = _p(
    r"^\W*(but |and |so |ok |okay )?(why not\b|(why|how come|really)( tho| though| exactly)?\s*([?!.,]|$))"
)

_FOLLOWUP = _p(
    r"^\W*(but |and |so |ok |okay |hmm+ |wait )?(why|how come|really|what do you mean|meaning|explain|"
    r"in what way|how so)\b"
)

_BODY = (
    r"(back|lower back|neck|shoulders?|sholders?|knees?|knie|"
    r"joints?|muscles?|hips?|calf|calves|hamstrings?|quads?|legs?|"
    r"arms?|elbows?|wrists?|ankles?)"
)

# the follow-ups about the previous answer's substance (padsafety.conversation): symptoms, alongside
_FOLLOWUP_TOPICS = _p(f"{SYMPTOMS_FOLLOWUP.pattern}|{ALONGSIDE_FOLLOWUP.pattern}")

# an animal: the pet hint, and the safety policy's "the condition is the animal's" (components/safety_policy)
ANIMAL = _p(
    # ("Thanks a million, pet": a term of endearment after a comma, user study round 46, #6: the vet answer)
    r"\b(dogs?|doggos?|pooch|mutts?|pupp(y|ies)|pups?|cats?|kitt(en|y|ies)s?|horses?|pony|ponies|mares?|"
    r"foals?|rabbits?|bunn(y|ies)|pets|(?<!,)(?<!, )pet|parrots?|birds?|guinea pigs?|hamsters?|ferrets?|"
    r"tortoises?|"
    # "lab" only as someone's dog: "proper trials or just lab stuff?" got the vet answer three times (user
    # study round 25, #8)
    r"animals?|labradors?|(my|our|his|her|their) (old |black |yellow |chocolate )?labs?\b"
    r"(?!\s+(results?|tests?|work|studies|study|"
    r"stuff|data|research|coat|report|experiments?|rats?|mice))|retrievers?|spaniels?|terriers?|poodles?|collies?|greyhounds?|"
    r"whippets?|dachshunds?|beagles?|huskies|husky|pugs?|bulldogs?|german shepherds?|alsatians?|"
    # ("Me kelpie's got arthritis in her back legs": user study round 47, #53, the arthritis verdict)
    r"kelpies?|heelers?|cattle dogs?|jack russells?|staff(y|ies)|staffords?|schnauzers?|rottweilers?|"
    r"boxers? dogs?|border collies?|shih tzus?|cavoodles?|cockapoos?|labradoodles?|moggy|moggies|"
    r"vets?|veterinar\w*|fur|furry|paws?)\b"
)

# an injury an animal gave a person: "dog bite", "bitten by the cat", "a scratch from my cat" (development
# round 20: "my wound from the dog bite looks infected" got the vet answer and no referral)
ANIMAL_INJURY = _p(
    rf"\b{ANIMAL.pattern}\s+(bites?|scratch(es)?|attack)\b|\b(bitten|scratched|attacked|nipped)\s+by\b|"
    r"\b(bite|scratch)\s+(from|off)\s+(a|the|my|our|his|her|their|next door'?s|the neighbou?r'?s)\s+"
)

# "is there anything that says i cant use it if im healthy?", "anything she should know?": who should avoid it
WHO_SHOULD_AVOID_QUESTION = _p(
    r"\b(anything|something|any reason|any reasons|a reason)\s+(that\s+)?(says?|means?|stops?|"
    r"would stop|why)\s+(i|she|he|you|we|they|someone|people|anyone)\s+(can'?t|cannot|shouldn'?t|"
    r"should not|couldn'?t|mustn'?t)\b|"
    # "is there anything that stops me from using a red light pad" (user study round 43, #20: how it works)
    r"\b(anything|something|any reason|any reasons)\s+(that\s+)?(would\s+|could\s+|might\s+)?"
    r"(stops?|prevents?|rules?\s+out|bars?|excludes?)\s+(me|her|him|them|us|someone|people|anyone)\s+"
    r"(from\s+)?(using|use|trying)\b|"
    r"\b(anything|something)\s+(that\s+)?(would\s+|could\s+|might\s+)?rules?\s+(me|her|him|them|someone|people|"
    r"anyone)\s+out\b|"
    r"^\W*(is there\s+)?anything\s+(else\s+)?(i|she|he|we|they)\s+(should|need to|must|ought to)\s+"
    r"(know|watch out for|be careful (of|about|with)|look out for)\s*\??\s*$"
)

# an age under 18, not a number of weeks, minutes or kilos ("im 15", not "im 16 weeks")
UNDER_18 = r"(1[0-7]|[1-9])\b(?! ?(weeks?|wks?|days?|months?|mins?|minutes?|hours?|kg|lbs?|%))"

HINTS: Tuple[Hint, ...] = (
    Hint(
        # "omg. forget fat. wat else does it do. muscles? skin?" (user study round 48, #7: the skin answer
        # alone): what else it may do, the benefits
        "ask_benefits",
        _p(r"\b(wh?at|wat|wot) else (does|can|will|would|could|is) (it|they|the pads?|red light|this)\b"
           r"[^.?!]{0,12}\b(do|help\w*|good for|gud for|for|used for)\b"),
        frozenset({"ask_benefits"}) | _SAFETY,
        max_words=16,
    ),
    Hint(
        # "thats not a yes or no" after "results vary" (user study round 50, #35: the menu): the last answer's
        # yes or no, by the same pattern the follow-up action answers it with
        "ask_followup",
        NOT_A_YES_NO,
        frozenset({"ask_followup"}) | _SAFETY,
        max_words=12,
    ),
    Hint(
        # "ok who makes the best one in your opinion" (user study round 50, #20: out of scope): a brand
        "ask_purchase",
        _p(r"\bwho (makes|sells|does) (the )?(best|good|decent|top)\b|\b(best|top|good|decent) (brand|"
           r"make|model)s?\b|"
           r"\b(best|which) one\b[^.?!]{0,20}\b(in your opinion|would you (get|buy|recommend|choose|"
           r"pick))\b"),
        frozenset({"ask_purchase"}) | _SAFETY,
        max_words=16,
    ),
    Hint(
        # "ok last one, how long have people been studying this" (user study round 50, #32: "I didn't quite
        # understand"): the research behind it
        "ask_evidence",
        _p(r"\b(how long|since when|how many years)\b[^.?!]{0,30}\b(studying|studied|researching|researched|"
           r"research|studies|around|known|used|a thing)\b|\b(how much|what) research\b|\bwho (studied|"
           r"researched)\b"),
        frozenset({"ask_evidence", "ask_how_it_works"}) | _SAFETY,
        max_words=16,
    ),
    Hint(
        # "ok. does it help with anything skin related then?" (user study round 50, #8: "I can't tell that
        # without knowing more"): what the source says for the skin
        "ask_limitation_anti_aging",
        _p(r"\b(help|do|good|work)\w*\b[^.?!]{0,25}\b(anything|something|stuff)\s+(skin[\s-]+related|"
           r"for (the|my) "
           r"skin|to do with (the |my )?skin)\b|\bskin[\s-]+related (stuff|things|benefits|problems|"
           r"issues)\b"),
        frozenset({"ask_limitation_anti_aging", "ask_benefit_wound_healing"}) | _SAFETY,
        max_words=16,
    ),
    Hint(
        # "my shoulder has hurt for like a month when i lift my arm, should i keep using it or what" (user
        # study round 50, #15: out of scope): an ache that has lasted, the muscle and joint question
        "ask_benefit_muscle_joint",
        _p(r"\b(hurt|hurts|hurting|hurted|ached|aches|aching|sore|painful|"
           r"been killing me)\b[^.?!]{0,20}\bfor "
           r"(like |about |over |nearly |almost |around )?(a|one|two|three|four|\d+|several|a few|"
           r"a couple of?) "
           r"(weeks?|months?)\b"),
        frozenset({"ask_benefit_muscle_joint", "ask_followup", "ask_not_in_source", "ask_usage_safety"})
        | _SAFETY,
        max_words=30,
    ),
    Hint(
        # "what makes the difference between people?" read as how the light works (user study round 49, #34):
        # why results vary
        "ask_limitation_variability",
        _p(r"\b(difference|differences|differ|differs|vary|varies)\s+(between|from|among)\s+(people|persons?|"
           r"individuals|users|person to person|one person to (another|the next))\b|"
           r"\bwhy (do |does )?(results?|effects?|it) (differ|vary|work differently)\b|"
           r"\b(some people|for some)\b[^.?!]{0,30}\b(not (for )?others|but not (for )?(me|others))\b"),
        frozenset({"ask_limitation_variability"}) | _SAFETY,
        max_words=20,
    ),
    Hint(
        # "so is it worth buying for my face or not" read as a purchase (user study round 49, #28: "I can't
        # help with prices ... refunds"), "red light pad can make my skin more young?" as wound healing (#31):
        # what it may do for the face's ageing skin
        "ask_limitation_anti_aging",
        _p(r"\bworth (it|buying|getting|the money|a try|trying)\b[^.?!]{0,25}\b(face|facial|skin|complexion|"
           r"wrinkles?|fine lines|looks?)\b|\b(face|skin|complexion)\b[^.?!]{0,25}\bworth (it|buying|getting|"
           r"the money)\b|"
           r"\bskin\b[^.?!]{0,12}\b(more |look |looking |feel )?(young|younger|youthful)\b|"
           r"\b(young|younger|youthful)[\s-]+(looking\s+)?skin\b|\brejuvenat\w*|"
           r"\b(old|older|aging|ageing|aged|mature|saggy|tired)\s+skin\b|"
           # ("ok so basically skin stuff is a maybe": round 49, #9)
           r"\b(the\s+)?skin\s+(stuff|things|side|benefits?|part)\s+(is|are|'s)\s+(a\s+)?(maybe|yes|no)\b"),
        frozenset({"ask_limitation_anti_aging"}) | _SAFETY,
        max_words=20,
    ),
    Hint(
        # "who do I complain to about your bad advice?" read as a refund (user study round 47, #60)
        "request_human",
        COMPLAINT_ABOUT_BOT,
        frozenset({"request_human"}),
        max_words=40,
    ),
    Hint(
        # "ok, you've half convinced me. What would I realistically use one for at home?" started the check
        # (user study round 47, #48): what people use it for
        "ask_benefits",
        _p(r"\bwhat (would|could|can|do|should|might) (i|you|people|someone|folks|one) "
           r"(realistically |actually |really |even |normally |usually )?(use|using) "
           r"(it|one|them|these|this|a pad|the pad|a red light pad)"
           r"( \w+)?( at home)? for\b|\bwhat (are|is) (it|they|one|these|red light pads?) (actually |really |"
           r"even )?(used|good) for\b|"
           # "so wats it actually gud for then", "what are they really meant for?" (user study round 48, #7,
           # #1: the fat answer again, the purchase refusal)
           r"\b(wh?at|wot|wut)('?s| is| are|s)? (it|they|one|these|red light|red light pads?|the pads?) "
           r"(actually |really |even |supposed to be |really supposed to be )?"
           r"(used|good|gud|meant|made|for|4)"
           r"( for| 4)?\b(?! (a|the|my) (price|money))"),
        frozenset({"ask_benefits", "ask_benefit_muscle_joint", "ask_benefit_circulation",
                   "ask_benefit_wound_healing", "ask_how_it_works"}) | _SAFETY,
        max_words=25,
    ),
    Hint(
        # "Mi baby got colic bad ... put the red light pad on she belly. It safe?" read as the pregnancy
        # question (0.98; user study round 47, #47, three times "Pregnant women should avoid"): a baby
        "ask_avoid_children",
        # (a pregnancy denied is no pregnancy: "Me nah pregnant, is de BABY belly. She 6 weeks old", #47)
        _p(r"^(?!.*(?<!\bnot )(?<!\bnah )(?<!\bnuh )(?<!\bno )(?<!n't )\b(pregnan\w*|expecting|bump|due|"
           r"trimester|weeks (along|gone))\b)(?:"
           r".*\b(de|di|da|her|his|my|mi|me|ma|our|the) (baby|babies|newborn|infant)'?s? (belly|tummy)\b|"
           r".*\b(my|mi|me|ma|our|the|wee|a|de|di|da) (new ?born |little |wee |baby )?"
           r"(baby|babies|newborn|infant|bub|"
           r"bubba|toddler|pikin|pickney|bairn|wean)\b.{0,80}\b(colic\w*|teething|nappy rash|diaper rash|"
           r"on (her|his|she|he|him|their|its|de|di|the baby'?s?) "
           r"(belly|tummy|back|chest|skin|legs?|head|bum)|"
           r"(use|put|try) (it|the pad|a pad|red light|the light) on (her|him|them|it|she|he)\b)|"
           r".*\b(put|use|try)\b.{0,25}\bon (my|mi|me|ma|our|the) (new ?born|baby|infant|toddler|bub|bubba)"
           r"('?s)?\b)"),
        frozenset({"ask_avoid_children", "mention_condition", "report_red_flag"}),
        max_words=40,
    ),
    Hint(
        # "do kids/teens need to be careful with these?", "im 15, does my age matter?" got the "results vary"
        # text (user study round 33, #36)
        "ask_avoid_children",
        # (an adult's age is the no-age-limit answer: "am i too young for this at 29?")
        _p(r"^(?!.*\b(1[89]|[2-9]\d)\b(?!\s*(months?|weeks?|days?|kg|lbs?|%|mins?)))(?=.*("
           # "whit's the actual worry wi weans?" (Scots, user study round 46, #7: "Effects vary")
           r"\b(worry|worries|concern|problem|issue|danger|risk)\w*\b[^.?!]{0,25}\b(wi|with|for|about)\s+"
           r"(the\s+)?(weans|bairns|kids|kiddies|children|youngsters|little ones|wee ones)\b|"
           r"\b(kids?|children|teens?|teenagers?|minors?|under[ -]?18s?|young people|weans|bairns)\b"
           r"[^.?!,]{0,40}"
           r"\b(careful|safe|same as (for )?adults?|allowed|ok|okay|fine|too young)\b|"
           r"\b(safe|ok|okay|fine|allowed)\s+(for|with)\s+"
           r"(kids|children|teens|teenagers|minors|young people)\b|"
           r"\b(does|do|would) my age matter\b|\b(am i|i'?m|im) (too young|old enough)\b|"
           r"\b(i'?m|im|i am) " + UNDER_18 +
           r"[^.?!]{0,40}\b(age|old|young)\b))"),
        frozenset({"ask_avoid_children"}),
        max_words=30,
    ),
    Hint(
        # "yes run it for me" after the check was offered (user study round 32, #21: a menu); never "do it",
        # which confirms a deletion
        "request_screening",
        _p(r"^\W*((yes|yeah|yep|yup|ok|okay|sure|please|go on|alright)[,\s!.]+)*"
           r"(run|start|begin|do)\s+(it|that|the\s+(safety\s+)?check|the\s+questions|the\s+quiz)"
           r"(?<!\bdo it)(?<!\bdo that)(\s+(for|with)\s+(me|us))?(\s+(then|please|now))?\W*$"),
        frozenset({"request_screening"}),
        max_words=12,
    ),
    Hint(
        # "mine click and ache going down stairs, im 58" after "red light for knees?" read as out of scope
        # (user study round 49, #35): joints that click, creak or ache on stairs are the joint-discomfort
        # question
        "ask_benefit_muscle_joint",
        _p(r"\b(click|clicks|clicking|creak\w*|crack|cracks|cracking|grind|grinds|grinding|crunch\w*|ache|aches|"
           r"aching|achy|hurt|hurts|stiff|sore)\b[^.?!]{0,30}\b(stairs|steps|kneel\w*|squat\w*|getting up|"
           r"get up|bending|walks?|walking)\b"),
        frozenset({"ask_benefit_muscle_joint", "ask_followup"}) | _SAFETY,
        max_words=16,
    ),
    Hint(
        # "i want buy one for my neck pain, it work good or no?" read as "effects vary" (user study round 30,
        # #12): whether it helps that ache (a purchase guess is kept: action_contact answers both)
        "ask_benefit_muscle_joint",
        _p(rf"^(?=.*\b(work|works|help|helps|good|worth it|effective)\b)"
           rf".*\b(buy|buying|purchase|order|get)\b[^.?!]{{0,20}}\bfor\s+(my|her|his|the)\s+(lower\s+|upper\s+)?"
           rf"(nek|{_BODY})\s*(pain|ache|aches|stiffness|problems?)\b"),
        frozenset({"ask_purchase", "ask_benefit_muscle_joint"}),
        max_words=25,
    ),
    Hint(
        # "which other groups should not use it? I need a list" got the usage text (user study round 28, #18)
        "ask_who_should_avoid",
        _p(r"\b(which|what)\s+(other\s+)?(groups?|kinds? of people|types? of people|people)\b[^.?!]{0,30}"
           r"\b(should\s*n[o']?t|should not|must not|can'?t|cannot|avoid|not (use|allowed))\b"),
        frozenset({"ask_who_should_avoid"}) | _SAFETY,
        max_words=20,
    ),
    Hint(
        # "what general precautions are there for using one?" read as the who-should-avoid list (user study
        # round 27, #33): how to use one carefully (the usage guidance)
        "ask_usage_safety",
        # (not "can I use it safely?", which asks for the safety check)
        _p(r"\b(precautions?|safety tips|safety rules|what should i (watch out|look out|be careful) for)\b"),
        frozenset({"ask_usage_safety", "ask_not_in_source"}) | _SAFETY,
        max_words=20,
    ),
    Hint(
        # "makes sense. any tips for using it on my back at my desk" read as the back-pain paragraph again
        # (user study round 49, #2): how to use one (the usage guidance and the manual)
        "ask_usage_safety",
        _p(r"\b(any |some |got any |give me |what are (the |your )?)(tips|pointers|advice|dos and don'?ts)\b"
           r"[^.?!]{0,15}\b(for |on |about )?(using|use|how to use)\b|"
           r"\b(tips|pointers) (for|on) (using|use|how to use)\b"),
        frozenset({"ask_usage_safety", "ask_not_in_source"}) | _SAFETY,
        max_words=20,
    ),
    Hint(
        # "is 'fixed in one day' realistic though?" (user study round 27, #25: not understood), "why does skin
        # thickness matter?" (#30: the anti-ageing answer): how soon and for whom it works
        "ask_limitation_variability",
        _p(r"\b(results?|work|works|working|fixed|cured|better|notice|see|feel)\b[^.?!]{0,20}"
           r"\b(in|after|within) (one|1|a single) (day|session|night|go|use)\b|\bfixed in (one|1|a) day\b|"
           r"\b(overnight|instant|instantly|immediate|immediately) (results?|fix|cure|effect|relief)\b|"
           r"\bskin thickness\b|\bthickness of (the|my)? ?skin\b|"
           # "does it work straight away or does it take a while?", "is it even worth continuing?" (user
           # study round 39, #1, #23: the mechanism and the anti-ageing paragraphs)
           r"\b(work|works|help|helps|kick in|kicks in)\b[^.?!]{0,15}\b(straight away|right away|"
           r"immediately|instantly|at once|from day one)\b|\btakes? a while\b|"
           r"\bhow (long|soon) (until|till|before|til) (it|i|you|the pad)\b[^.?!]{0,25}\b(work|works|"
           r"kick|kicks|notice|see|feel|results?|help|helps)\b|"
           # "how lang dae ye need tae use it afore it works?" (user study round 47, #3: not understood)
           r"\bhow (long|lang)\b[^.?!]{0,35}\b(before|afore|till|until|til|tae|to)\b[^.?!]{0,12}"
           r"\b(it|you|ye|ya|i)\b[^.?!]{0,12}\b(works?|kicks? in|see (a |any )?(results?|difference))\b|"
           # "works?", "does it even work?" said alone (user study round 47, #26)
           r"^\W*(does it |do they |it |they )?(even |really |actually )?works?\W*$|"
           r"\b(worth|any point) (continuing|carrying on|keeping (on|at it|going)|persevering|"
           r"sticking with)\b"),
        frozenset({"ask_limitation_variability", "ask_followup", "ask_evidence"}) | _SAFETY,
        max_words=20,
    ),
    Hint(
        # "thank you. so can I use it on my lower back now?" after a correction left no verdict: got the usage
        # text (user study round 25, #4; round 24, #2): what the source says for that part of the body (a
        # remembered verdict is answered by the policy before any intent)
        "ask_benefit_muscle_joint",
        _p(rf"^\W*((ok|okay|so|and|then|right|thanks?|thank you|great|cool|good|perfect)[,.!\s]+)*(so\s+)?"
           rf"(now\s+)?(can|could|may)\s+i\s+(now\s+)?(use|try|put)\s+"
           rf"(it|the pad|this|one|the red light( pad)?)\s+"
           rf"(on|for)\s+(my\s+)?(lower\s+|upper\s+)?{_BODY}(\s+(now|then|too|as well|tonight|today|again))?"
           rf"\s*\??\W*$"),
        frozenset({"ask_benefit_muscle_joint", "ask_benefit_circulation", "ask_benefit_wound_healing"}),
        max_words=20,
    ),
    Hint(
        # "im saying my back pain is getting worse. what do i do": see a doctor, not the usage text read from
        # "every day" (user study round 15, #14); before the purchase cues ("the seller ignores me. and my
        # back still hurts, worse than before"); a red flag or a named condition keeps its own path
        "ask_followup",
        WORSENING,
        frozenset({"ask_followup", "report_red_flag", "mention_condition"}),
        max_words=25,
    ),
    Hint(
        # "you know what, stop, i'll just ask my doctor about all this": "stop" said on its own ends the check
        # (user study round 10, #33: read as "do not stop your treatment", and the check went on)
        "stop",
        # ("let's stop, I'll go see my doctor about the heel anyway", read as "do not stop your treatment"
        # at 0.99: user study round 30, #46)
        _p(r"(^|[,.;!?]\s*)((ok|okay|you know what|just|please|pls|no|nah|let'?s|lets|let us|i want to|"
           r"i wanna|i'?d like to|can we|we can)[,\s]+)*stop"
           r"(\s+(it|this|now|here|there|please|asking|asking me|the (check|questions|quiz|screening)))?"
           r"\s*([,.;!]|$)|"
           # "this is taking too long" in the check (user study round 14)
           r"\b(this is|this'?s|it'?s|its) taking (too|way too|so|far too) long\b|\btoo many questions\b|"
           # "actually can i stop, im gonna take a test first" (user study round 50, #27: "please answer
           # yes, no")
           # ("how many more of these? can we just stop and you tell me what you've got": round 50, #22)
           r"(^|[.!?]\s*)\W*((actually|ok|okay|hmm+|wait|sorry|so)\W+)*(can|could|may) (i|we) (please |"
           r"just )?"
           # (the check, not a treatment: "can i stop physio and use this instead" is the substitute question)
           r"(stop|pause|quit|end)\b(?=\s*($|[,.!?;]|(here|now|this|the (check|quiz|questions)|please|"
           r"for now|and)\b))"),
        frozenset({"stop", "goodbye"}),
        max_words=25,
    ),
    Hint(
        # "thats not what i asked lol. never mind, bye": a goodbye at the end closes the chat; an apology and
        # "ask again" read as not listening (user study round 15, #06)
        "goodbye",
        _p(r"[,.;!?]\s*((ok|okay|never ?mind|nvm|forget it|whatever|fine|anyway|thanks|thx|ty)[,.!\s]+)*"
           r"(bye|goodbye|good bye|bye bye|cya|see ya|ciao)\W*$"),
        frozenset({"goodbye", "thank", "stop"}),
        max_words=20,
    ),
    Hint(
        # "pain in knee from old age, the red lite pad is good for it or no?" read as a topic the source does
        # not cover (0.81): joint and muscle discomfort is one of the source's uses (user study round 17, #14)
        "ask_benefit_muscle_joint",
        _p(rf"\b(pain|pains|ache|aches|aching|soreness|stiffness)\s+(in|of)\s+((the|my|his|her|their)\s+)?"
           rf"{_BODY}\b[^?]{{0,60}}\b(good for|help\w*|work\w*|ease|relieve)\b|"
           # "My grandma 82 her knee pain, can she use red light pad?" (user study round 47, #50: the wound
           # answer)
           rf"\b(my|his|her|their|mi|ma|me)\s+{_BODY}\s+(pain|pains|ache|aches|aching|soreness|stiffness)\b"
           r"[^?]{0,40}\b(can|could|may|should)\s+(she|he|they|i|we)\s+(use|try)\b|"
           # "the red ligth pad is good for dor in the neck?" (a Portuguese speaker), "does it help with DOMS
           # at least" (user study round 18, #11, #03)
           rf"\b(good for|help\w*|work\w*|ease|relieve)\b[^?]{{0,25}}\b(pain|dor|dolor|douleur|schmerz|ache|"
           rf"soreness)\b[^?]{{0,15}}\b(in|of)\s+((the|my)\s+)?{_BODY}\b|"
           r"\b(doms|delayed onset muscle soreness|shin splints|"
           r"sore (shins|calves|muscles|quads|hamstrings))\b|"
           rf"\b{_BODY}\s+(pain|pains|ache|aches|soreness|stiffness)\b[^?]{{0,60}}\b(good for|help\w*|"
           r"work\w*|ease|relieve)\b|"
           # "walking the dog hurts my knees, would it help" (round 23 check: the vet answer, then a fallback)
           rf"\b(hurts?|hurting|kills?|killing|wrecks?|wrecking)\s+(my|me)\s+(\w+\s+)?{_BODY}[^?]{{0,40}}"
           r"\b(good for|help\w*|work\w*|ease|relieve)\b"),
        # (not over "report_red_flag": "the pad is good for pain in the shoulder? i have pain since 2 mont"
        # read as one (0.93) got "Thanks for telling me"; a red flag the recogniser finds is answered
        # whatever the intent: user study round 37, #12)
        frozenset({"ask_benefit_muscle_joint", "ask_limitation_chronic_disease", "ask_limitation_variability",
                   "ask_evidence", "ask_purchase"}) | _SAFETY - {"report_red_flag"},
        max_words=25,
    ),
    Hint(
        # "is it safe for my husband? can we do the questions": the second part read as "stop" (0.78) ended
        # the check it had just asked for (development round 17)
        "request_screening",
        _p(r"\b(can|could|shall|should|let'?s|lets)\s+((we|you|u|i)\s+)?(do|start|run|go through|begin|try|"
           r"answer)\s+(the\s+|those\s+|these\s+|your\s+|a\s+|whatever\s+|any\s+)?(safety\s+)?(questions|"
           r"checks?|quiz|screening|questionnaire)\b|"
           # "can we go through whatever checks you do" (user study round 40, #21: the cast paragraph)
           r"\b(go|run|walk)\s+(me\s+)?through\s+(whatever|the|your|any)\s+(safety\s+)?(checks?|questions|"
           r"screening)\b|"
           # "ok back to the questions", "let's carry on with the questions", "pick up where we left off":
           # back to the check (user study round 43, #14: read as "stop", it ended the check)
           + RESUME_CHECK.pattern),
        frozenset({"request_screening"}),
        max_words=20,
    ),
    Hint(
        # "and what if it doesnt help after a month" read as a refund (user study round 18, #02): how long
        # results take and that they vary
        "ask_limitation_variability",
        _p(r"\bwhat if (it|the pad|this|that) (doesn'?t|doesnt|does not|won'?t|wont|isn'?t|is not|still "
           r"doesn'?t) (help|work|do anything)\b"),
        frozenset({"ask_limitation_variability"}),
        max_words=16,
    ),
    Hint(
        # "so does it actually work for anything or not": what the source says it may help with (user study
        # round 18, #25: only that results vary)
        "ask_benefits",
        _p(r"\b(work|good|helpful|useful)\s+for\s+anything\b|\bhelp\s+(with\s+)?anything\b|"
           r"\bwhat (conditions|things|problems) (is|are) there (actual |any |real )?evidence for\b"),
        frozenset({"ask_benefits", "ask_evidence"}),
        max_words=16,
    ),
    Hint(
        # "cool and whats ur name" (user study round 18, #23: a remembered caution)
        "bot_challenge",
        _p(r"\b(what'?s|whats|what is) (ur|your|you) name\b|\bdo (you|u) have a name\b|\bwho are (you|u)\b|"
           # "so who am I talking to then?" (user study round 45, #16: "your doctor is the right person")
           r"\bwho (am i|are we) (talking|speaking|chatting) (to|with)\b|"
           r"\bwhat are (you|u) (actually|exactly)\b|"
           r"\bam i (talking|speaking|chatting) (to|with) (a|an) (real )?"
           r"(person|human|bot|robot|machine|computer)\b"),
        frozenset({"bot_challenge"}),
        max_words=10,
    ),
    Hint(
        # "can you just tell me in one line if its safe", "just the short version" after stopping the check:
        # who should avoid the pads, in short, never the check again (user study round 18, #20)
        "ask_who_should_avoid",
        _p(r"\b(in )?(one line|one sentence|short version|short answer|in short|tl;?dr|quick version|"
           r"in a nutshell|just the gist)\b(?! (thanks|thank you|thx|cheers))(?<!the short answer)"),
        frozenset({"ask_who_should_avoid", "ask_limitations", "ask_benefits"}),
        max_words=16,
    ),
    Hint(
        # "ballpark? like £50 or £500?" after a price question (user study round 42, #31: "I can't put you
        # through to a person")
        "ask_purchase",
        _p(r"\bball ?park\b|^\W*(like\s+|roughly\s+|about\s+|around\s+)?[£$€]\s?\d+|"
           r"[£$€]\s?\d+\s+or\s+[£$€]?\s?\d+"),
        frozenset({"ask_purchase"}),
        max_words=10,
    ),
    Hint(
        # "you didn't answer, how many minutes?", "so like 10 min or 30 min?" (user study round 42, #24: "I
        # didn't understand", "Thanks for telling me")
        "ask_not_in_source",
        _p(r"\bhow many (minutes?|mins?)\b|\b\d+\s*(min|mins|minutes)\s+or\s+\d+\s*(min|mins|minutes)?\b"),
        frozenset({"ask_not_in_source", "ask_usage_safety"}),
        max_words=14,
    ),
    Hint(
        # "actually you know what, forget it, I'll ask my GP" in the check (user study round 42, #16: read as
        # "I don't know" and answered with the hint)
        "stop",
        _p(r"^\W*((actually|ok|okay|oh|ah+|nah|meh|you know what|right|hmm+|well|sorry)\W+)*"
           r"(forget it|never ?mind|nvm)\b"
           r"(\W+(i'?ll|i will|i'?m going to|gonna)\s+(just\s+)?(ask|see|check with|talk to)\s+(my|a|the)\s+"
           r"(gp|doctor|doc|dr|physio|pharmacist|nurse))?\W*$"),
        frozenset({"stop", "goodbye"}),
        max_words=16,
    ),
    Hint(
        # "I'm knackered and my back is playing up" (user study round 41, #36: read as a warning sign at 0.77,
        # "Thanks for telling me"): an ache said in everyday words is the muscle question
        "ask_benefit_muscle_joint",
        _p(rf"\bmy {_BODY}\s+(is|are|'s|has been|have been|keeps?|been)\s+(playing up|acting up|giving me "
           r"(grief|gyp|jip|hell|trouble|bother)|playing me up)\b"),
        frozenset({"ask_benefit_muscle_joint", "ask_not_in_source"}),
        max_words=20,
    ),
    Hint(
        # "ok and can I use it on my own shoulder?" after a child's answer (user study round 18, #06: read as
        # the skin-conditions question at 0.41, then "I didn't understand")
        "ask_benefit_muscle_joint",
        _p(rf"\b(use|try|put) (it|the pad|one|a pad)\s+on\s+my (own )?{_BODY}\b"),
        frozenset({"ask_benefit_muscle_joint", "ask_usage_safety", "ask_not_in_source"}) | _SAFETY,
        max_words=16,
        below_confidence=0.6,
    ),
    Hint(
        # "ok, then what can you do?" asks what this assistant does (user study round 17, #35: "my source
        # doesn't go further")
        "greet",
        _p(r"^\W*((ok|okay|so|then|well|and|hmm+|right)[,.\s]+)*(then\s+)?what\s+(can|do|else can)\s+you\s+"
           r"(even\s+|actually\s+|really\s+)?(do|help( me)? with|tell me( about)?|know)\b\W*$"),
        frozenset({"greet"}),
        max_words=10,
    ),
    Hint(
        # "wrap it round my thighs to slim them down, how many weeks till results?" read as "results vary",
        # "how many cm can i expect to lose" as the usage text: the fat-loss answer, which says it is no
        # weight-loss device (user study round 10, #31: "1-2 weeks" read as a promise)
        "ask_limitation_weight_loss",
        _p(r"\b(slim(ming)?\s+(them\s+|it\s+|my\s+\w+\s+)?down|lose\s+(weight|fat|inches|cm|centimetres|"
           r"kilos|kg|pounds|lbs|belly|my\s+(belly|tummy|gut))|(burn|melt|shift|blast|zap)\w*\s+(off\s+)?"
           r"(the\s+|my\s+|belly\s+|thigh\s+)*fat|fat[- ](loss|burning|burner)|weight[- ]loss|"
           # "this thing'll burn off me beer gut" (user study round 40, #42: "effects vary")
           r"(burn|melt|shift|blast|zap)\w*\s+(off\s+)?(me|my|the|this|that)\s+(beer\s+|belly\s+|muffin\s+)?"
           r"(gut|belly|tummy|paunch|love\s+handles|muffin\s+top|spare\s+tyre|spare\s+tire)|"
           # "will it shift the weight I've put on?" (development round 4)
           r"(shift|lose|drop|melt)\w*\s+(the\s+|my\s+|some\s+|that\s+)?(extra\s+)?(weight|pounds|kilos|lbs)\b|"
           r"how\s+many\s+(cm|centimetres|inches|kilos|kg|pounds|lbs|sizes)|drop\s+a\s+(dress\s+)?size)\b"),
        frozenset({"ask_limitation_weight_loss", "ask_purchase", "report_red_flag", "mention_condition"}),
        max_words=30,
    ),
    Hint(
        # "why are you telling me about wrinkles? I asked about my pills": the answer missed the question
        # (padsafety.conversation: an apology and a rephrase), never the reason for the missed topic
        "ask_followup",
        MISREAD_COMPLAINT,
        frozenset({"ask_followup"}),
        max_words=25,
    ),
    Hint(
        # "if it helps my feet, can I then cut down on my metformin?": changing a medicine because of the
        # pad is the source's "not a substitute for medication" (user study round 8, #06: anti-ageing text)
        "ask_limitation_medical_substitute",
        CHANGES_MEDICINE,
        frozenset({"ask_limitation_medical_substitute"}),
        max_words=30,
    ),
    Hint(
        # "fine ill ask the vet, thx": a plan to ask the vet, not another question about the pet (user study
        # round 6, #43: the vet answer was repeated to it)
        "affirm",
        _p(r"^\W*((ok(ay)?|alright|all right|fine|sure|right|got it|thanks|thank you|thx|cool|will do|noted)"
           r"[\s,.!]+)*(i'?ll|i will|will|gonna|going to|i'?m going to)\s+(ask|call|ring|phone|see|"
           r"check with|speak to|talk to|take (her|him|them|it) to)\s+(the|my|our|a|her|his)\s+"
           r"vets?\b[^?]*$"),
        frozenset({"affirm", "thank", "goodbye"}),
        max_words=12,
        confirm_compatible=True,
    ),
    Hint(
        # "so basically no real evidence. why would anyone buy it", "whats the point of it if evidence is
        # weak": the sceptic's question about what it can do, never the purchase refusal (user study round
        # 20, #5)
        "ask_evidence",
        _p(r"\bwhy (would|do|does|should|did) (anyone|anybody|people|someone|somebody|you|i|we) (even )?"
           r"(buy|get|use|bother|pay for|spend)\b|\bwhat'?s the point\b|\bwhats the point\b|\bwhy bother\b|"
           r"\bwhat is the point\b|"
           # "my mate reckons I've got rocks in my head spending money on it", "are they any good or am I
           # throwing money away?" (user study round 45, #61, #22: the purchase refusal, a red flag)
           r"\brocks in (my|his|her|your) head\b|\bwaste of (money|cash)\b|"
           r"\bthrowing (my |good )?money away\b|\bbreak the bank for nothing\b|"
           r"\b(any good|worth (it|buying|the money)) or (am i|is it|are they|just)\b|"
           # "my head says it's a scam" (a buyer's cold feet: the wound answer's words were its only
           # difference from the usage text, development round 37 once the wound answer needed a wound word)
           r"\b(says|reckons|thinks|think|say) (it'?s|its|they'?re|theyre|it is) (a |all |just )?(scam|con|"
           r"gimmick|snake oil|rip[- ]?off|hype)\b|"
           # "say e dey cure everything. Na lie abi?", "is it a bit of a furphy?" (user study round 47, #66,
           # #1: the deletion prompt, the skin-infection answer): a claim doubted
           r"\b(cures?|fix(es)?|heals?|treats?) (everything|anything|all)\b|\bna lie\b|\bfurphy\b|"
           r"\btall (tale|story)\b|\bcodswallop\b|\bhogwash\b|\btoo good to be true\b"),
        frozenset({"ask_evidence", "ask_limitations", "ask_limitation_variability", "ask_benefits",
                   "ask_how_it_works"}),
        max_words=24,
    ),
    Hint(
        # "is there anything that says i cant use it if im healthy?", "anything she should know?": who should
        # avoid the pads, never the check started again or how results vary (user study round 20, #9)
        "ask_who_should_avoid",
        WHO_SHOULD_AVOID_QUESTION,
        frozenset({"ask_who_should_avoid", "ask_avoid_pregnancy", "ask_avoid_skin_conditions",
                   "ask_avoid_photosensitivity", "ask_avoid_implanted_device", "ask_avoid_children",
                   "ask_usage_safety"}),
        max_words=16,
    ),
    Hint(
        # "im dying to try one of these", "cant wait to try it": keen, not out of scope and no emergency (user
        # study round 21, #11: "I can only help with questions about red-light therapy pads")
        "ask_benefits",
        _p(r"\b(dying|can'?t wait|cannot wait|itching|dead keen|so keen|desperate|excited)\s+to\s+"
           r"(try|get|buy|use|test)\s+(one|it|this|these|a pad|the pad|red light|them)\b"),
        frozenset({"ask_benefits", "ask_how_it_works", "ask_purchase", "ask_evidence", "greet"}) | _KNOWLEDGE,
        max_words=14,
    ),
    Hint(
        # "actually can i talk to a real doctor or nurse through this?": a person, not the source's "the pad
        # does not replace treatment" (user study round 21, #4)
        "request_human",
        _p(r"\b(talk|speak|chat|message)\s+(to|with)\s+(a\s+|an\s+)?(real|actual|live|human)\s+(doctor|nurse|"
           r"person|human|someone|pharmacist|agent|expert)\b|"
           # "and a human??" after asking for one (user study round 28, #13: "I'm a bot")
           r"^\W*(and|so|what about|then)?\s*(a\s+)?(human|real person|real human|person|someone real|agent)"
           r"\s*\?+\W*$"),
        frozenset({"request_human"}),
        max_words=20,
    ),
    Hint(
        # "whatever", "meh" on their own: the user lets it go; never read as "why?" (user study
        # round 20, #5: "whatever" after a verdict got the reason behind it). As "I don't know": in the safety
        # check it is no answer to count as yes or no, outside it the reply says what can be asked.
        "dont_know",
        _p(r"^\W*((ugh+|fine|ok|okay|sure|oh well|meh)[\s,.!]+)*"
           r"(whatever|meh|if you say so|whatevs|w/e)\W*$"),
        frozenset({"dont_know", "thank", "goodbye", "deny", "stop"}),
        max_words=4,
    ),
    Hint(
        "ask_pet",
        ANIMAL,
        frozenset({"ask_pet", "report_red_flag", "request_forget"}),
    ),
    Hint(
        "ask_purchase",
        _p(r"\b(prices?|pricing|costs?|costly|how much (is it|are they|does (it|one|a pad) cost|do they cost|"
           r"for one)\b|shipping|ship(ped|s)? to|deliver(y|ed)|refunds?|money back|return (it|policy|them)|"
           r"returns policy|warrant(y|ies)|guarantee|discounts?|coupons?|vouchers?|amazon|ebay|customs|"
           r"in stock|receipt|invoice|replacement (pad|device|unit|one)|"
           r"(waiting for|sent|send|get) (a |the |my )?replacement|complain|faulty|defective|"
           # "They're not answering my emails. Is there anything you can do?" about the seller (user study
           # round 48, #18: "I'm a bot")
           r"(not|never|won'?t|don'?t|doesn'?t|isn'?t|aren'?t) (answering|responding|replying|getting back)"
           r"( to)? (my |our |any )?(emails?|e-mails?|calls?|messages?|texts?|phone|dms?)|"
           r"stopped (working|lighting)|"
           r"(leds?|lights?) (are |is )?dead|dead leds?|arrived (broken|damaged|scratched)|"
           # "there's no clinic, i bought it online. who do i contact" (user study round 16, #21: got the
           # evidence paragraph twice)
           r"bought (it|one|mine|the pad|this)( \w+)? online|"
           r"who (do|should|can|could) i (contact|write to|email)|who to contact|"
           # "what's the number for the manufacturer?" (user study round 30, #21: the usage text)
           r"(number|phone|email|address|contact|website|details) (for|of) (the )?(manufacturer|maker|"
           r"company|brand|seller|shop)|"
           r"(manufacturer|maker|company|seller)'?s? (number|phone|email|contact|website))\b"),
        frozenset({"ask_purchase", "request_human"}),
    ),
    Hint(
        "ask_purchase",
        _p(r"\b(cheap(er|est)?|expensive|afford|(spend|spending|spent) (that|so|this|too) much|"
           r"(spend|spending|spent) (the |my )?money|buy(ing)?|purchas(e|ed|ing)|order(ed)?|"
           # ("what about a brand new one, like 3 days old?", a tattoo: user study round 47, #12)
           # ("not a brand - a TATTOO that's 3 days old", user study round 47, #12: a word misread, denied)
           r"(?<!not a )(?<!not )brands?(?! new)|shop|"
           # (not the verb: "do you store what I type?", user study round 13, #19)
           r"(?<!you\s)(?<!u\s)(?<!to\s)stores?(?!\s+(what|my|any|data|it|this|that|everything|anything|the\s+"
           r"(chat|conversation|data)|conversations?|messages?|info))|"
           r"sellers?|retailers?|sale|worth the money|recommend (one|a pad|a brand))\b"),
        frozenset({"ask_purchase", "request_human"}) | _KNOWLEDGE,
        below_confidence=0.6,
        keep_confidence=0.5,
    ),
    Hint(
        "request_human",
        _p(r"\b((talk|speak|chat) (to|with) (a |an |some )?(real |actual |live )?"
           r"(human|person|people|agent|someone|somebody)|"
           r"(want|need|get|give me|connect me|put me through)\b.{0,20}"
           r"\b(human|real person|agent|someone real)|"
           r"customer (service|support)|support team|live agent|"
           # "Is there an email address I can write to?" after asking for a human (user study round 35, #24:
           # "I didn't understand", then the medical-substitute paragraph)
           r"is there (an? |any )?(e-?mail|phone number|contact)( address| details| number)?|"
           r"(e-?mail|e-?mail address|phone number|contact details) (i|we) (can|could) "
           r"(write|send|email|call|use)|"
           r"how (can|do|could) i (contact|reach|email|write to) "
           r"(you|someone|a person|the team|your team))\b"),
        frozenset({"request_human", "ask_purchase", "report_red_flag"}),
    ),
    Hint(
        # "how long?", "and how often?" right after an answer: how long results take (user study round 43,
        # #3: "Sorry, I didn't quite understand that")
        "ask_followup",
        _p(r"^\W*(and\s+|so\s+|but\s+|ok\s+|okay\s+)?(for\s+)?how\s+(long|soon|often)(\s+(then|though|tho|for|"
           r"till|until|before|roughly|approx|ish))?\W*$"),
        frozenset({"ask_followup", "ask_usage_safety", "ask_limitation_variability"}),
        max_words=6,
    ),
    Hint(
        # "getting cold feet about buying one, is there any real evidence?" read as a purchase (user study
        # round 43, #29): what the evidence is
        "ask_evidence",
        _p(r"\b(is there|are there|any|got any|what'?s the|where'?s the|show me the|what) "
           r"(real |actual |hard |"
           r"scientific |solid |good |proper )?(evidence|proof|research|studies)\b"),
        frozenset({"ask_evidence", "ask_limitations", "ask_benefits", "ask_how_it_works",
                   "ask_limitation_variability", "ask_limitation_weight_loss", "ask_limitation_anti_aging",
                   "ask_limitation_chronic_disease", "ask_benefit_muscle_joint", "ask_benefit_wound_healing",
                   "ask_benefit_circulation", "ask_not_in_source"}) | _SAFETY,
        max_words=20,
    ),
    Hint(
        # "can you at least tell me if I'm doing something wrong?" after no change in weeks (user study round
        # 43, #10: "I can only help with ..."): what results depend on
        "ask_limitation_variability",
        _p(r"\b(am i|i'?m|im|could i be|might i be|maybe i'?m|if i'?m) (doing (something|it|anything) wrong|"
           r"using (it|the pad) wrong(ly)?|not using (it|the pad) (right|properly|correctly))\b"),
        frozenset({"ask_limitation_variability", "ask_usage_safety", "ask_not_in_source"}),
        max_words=20,
    ),
    Hint(
        # "... so I fancy treating myself to a pad. What can they actually do?" (user study round 43, #28:
        # the medical-substitute paragraph): what the pads may help with
        "ask_benefits",
        _p(r"\bwhat (can|could|do|does|would|will) (they|these|these pads|the pads|those|it|a pad|one|this|"
           r"these things|they really|they even) (actually |really |even |honestly )?(do|help with|help)\s*"
           r"(for (me|you|people|anyone))?\s*\??\s*$"),
        frozenset({"ask_benefits", "ask_how_it_works", "ask_evidence", "ask_benefit_muscle_joint",
                   "ask_benefit_wound_healing", "ask_benefit_circulation", "ask_limitations"}) | _SAFETY,
        max_words=30,
    ),
    Hint(
        # "I have type 2 diabetes. My feet are always cold in the evenings. Would a pad warm them?" read as a
        # mention only (user study round 43, #6): the condition's verdict, then what the source says of
        # circulation (its answer warns about cold feet with diabetes)
        "ask_benefit_circulation",
        _p(r"\b(feet|hands|toes|fingers|foot|hand|toe|finger)\s+(are|get|feel|go|always|is|stay)\s+(\w+\s+)?"
           r"(cold|freezing|icy|like ice)\b[\s\S]{0,60}\b(warm|help|heat|good for)\b|"
           # ("she have hand cold always. it help?", "the cold hand, it help or no?": user study round 51,
           # #15)
           r"\b(hand|hands|foot|feet|finger|fingers|toe|toes)\s+(cold|freezing|icy)\b[\s\S]{0,60}\b(warm|help|heat|"
           r"good for)\b|"
           r"\b(cold|freezing|icy)\s+(hands|feet|fingers|toes|hand|foot|finger|toe)\b(?!\s+(about|over|before|on|"
           r"regarding)\b)"
           r"[\s\S]{0,60}\b(warm|help|heat|good for)\b"),
        frozenset({"ask_benefit_circulation", "ask_followup", "ask_usage_safety", "report_red_flag"}),
        max_words=40,
    ),
    Hint(
        # "no I mean, is it a no for the wrist specifically" after "ask your doctor first" read as "no" (0.72,
        # user study round 49, #27: "OK. You can ask..."): the verdict asked again for one place
        "ask_followup",
        _p(r"\b(is (it|that|this)|so it'?s|so that'?s|it'?s) (a )?(yes|no|no-?go|go)\s+(for|on)\s+"
           r"(the|my|her|his|"
           r"their|this|that|a|an)?\s*\w+"),
        frozenset({"ask_followup"}) | _SAFETY,
        max_words=16,
    ),
    Hint(
        # "why does it help though?" after the back-pain answer read as the benefits list (0.74, user study
        # round 49, #2): the reason of the last answer, however sure the guess
        "ask_followup",
        _p(r"^\W*((but|and|so|ok|okay|hmm|right)\W+)*(why|how come)\s+(does|would|do|did)\s+(it|that|this|"
           r"the (light|pad))\s+(actually\s+|really\s+)?(help|work|works)\s*(though|tho|then|exactly)?\W*"
           r"($|(what'?s|whats|what does|how does|how so)\b)"),
        frozenset({"ask_followup"}) | _SAFETY,
        max_words=10,
    ),
    Hint(
        # "why would light do anything for that?" after an answer: its reason (a question of user study round
        # 43's NLU data left it below the fallback threshold)
        "ask_followup",
        _p(r"^\W*((but|and|so|ok|okay|hmm|right)\W+)*why\s+(would|does|do|should|will|is|could|can)\s+"
           r"(a\s+|the\s+|red\s+)?(light|it|that|this|pad|lamp)\b"),
        frozenset({"ask_followup"}) | _SAFETY,
        max_words=14,
        below_confidence=0.5,
    ),
    Hint(
        # "ok, and for adults it's fine?" after the children's answer (user study round 42, #29: the
        # variability text); answered by the follow-up action after the children's answer only
        "ask_followup",
        _p(r"^\W*((ok|okay|so|and|but|right)\W+)*(what about |how about |and )?(for )?"
           r"(adults?|grown-?ups|grownups)\b[^?]{0,30}\b(fine|ok|okay|safe|alright|all right|good)\b|"
           r"\b(it'?s|its|is it|so it'?s) (fine|ok|okay|safe|alright) for (adults?|grown-?ups)\b"),
        frozenset({"ask_followup", "request_screening", "ask_who_should_avoid"}),
        max_words=12,
    ),
    Hint(
        # "They cost an arm and a leg and promise the moon. What CAN'T they do?" read as a price question
        # (user study round 44, #52)
        "ask_limitations",
        _p(r"\bwhat (can'?t|cannot|can not|won'?t|doesn'?t|don'?t) "
           r"(they|it|these|those|the pads?|a pad|red light) (do|help( with)?)\b"),
        frozenset({"ask_limitations", "ask_evidence", "ask_limitation_weight_loss",
                   "ask_limitation_anti_aging", "ask_limitation_chronic_disease",
                   "ask_limitation_variability"}) | _SAFETY,
        max_words=30,
    ),
    Hint(
        # "are they worth it or is it all hype?" read as a price question (user study round 44, #36)
        "ask_evidence",
        _p(r"\b(all|just|mostly|pure) hype\b|\boverhyped\b|\bhype or (real|not|legit)\b|"
           r"\btoo good to be true\b|"
           r"\b(is it|are they|is this|are these) (really |actually )?worth it\b"),
        frozenset({"ask_evidence", "ask_limitations", "ask_benefits",
                   "ask_limitation_variability"}) | _SAFETY,
        max_words=30,
    ),
    Hint(
        # "cure it?" right after an answer about a condition (user study round 44: the chronic-disease
        # paragraph): a plain no for that condition
        "ask_followup",
        CURE_ALONE,
        frozenset({"ask_followup"}),
        max_words=8,
    ),
    Hint(
        # "me calves are cooked", "my legs are dead after leg day": tired muscles, not a burn or a wound (user
        # study round 44, #3: the skin-conditions answer)
        "ask_benefit_muscle_joint",
        _p(r"\b(calves|legs|quads|hamstrings|muscles|arms|shoulders|back|body)\s+(are|is|feel|feels)\s+"
           r"(absolutely\s+|totally\s+|completely\s+|so\s+)?(cooked|fried|dead|wrecked|shot|toast|smashed|"
           r"destroyed|done|battered|knackered|shattered)\b"),
        frozenset({"ask_benefit_muscle_joint", "ask_followup", "ask_usage_safety", "report_red_flag",
                   "mention_condition"}),
        max_words=30,
    ),
    Hint(
        # "which one is the problem, the warfarin?" after a verdict for two medicines: what each counts as
        # (user study round 43, #26: the benefits list)
        "ask_followup",
        WHICH_ONE,
        frozenset({"ask_followup"}),
        max_words=14,
    ),
    Hint(
        # "and if I'm not in any of those groups?" after the who-should-avoid list: read as "no" (0.95), it
        # got "OK. You can ask ..." (user study round 43, #48)
        "ask_followup",
        # (not "nope none of them apply": a plain no, the textbook NLU set's deny)
        _p(r"\bif (i'?m|im|i am) not (in )?(any|one|either) of (those|these|them|the above)\b"),
        frozenset({"ask_followup", "request_screening"}),
        max_words=16,
    ),
    Hint(
        # "back?", "and knees?" after another answer: what the source says for muscles and joints (user study
        # round 43, #44: "OK. You can ask ..."); a follow-up the classifier is sure of keeps its reading
        "ask_benefit_muscle_joint",
        _p(r"^\W*(and\s+|what about\s+|how about\s+|for\s+|on\s+)?(my\s+|the\s+|me\s+)?(lower\s+|upper\s+)?"
           r"(back|knees?|neck|shoulders?|hips?|elbows?|wrists?|ankles?|joints?|muscles?)\W*\?\W*$"),
        frozenset({"ask_benefit_muscle_joint", "ask_followup", "ask_usage_safety", "mention_condition",
                   "report_red_flag", "ask_avoid_pregnancy"}),
        max_words=5,
    ),
    Hint(
        # "should I go to A&E or just wait and see?": answered with a plain yes (padsafety.conversation),
        # however sure the classifier is of another intent ("should i get it looked at or just wait a few
        # days?" read as a usage question at 0.99 got the usage text; user study round 6, #21)
        "ask_followup",
        SEE_DOCTOR_QUESTION,
        frozenset({"ask_followup"}),
        max_words=20,
    ),
    Hint(
        # "its on his knee not near his chest" after the pacemaker verdict for a father: that verdict holds on
        # any part of the body (user study round 18, #10: read as "results vary", then the whole block again)
        "ask_followup",
        ELSEWHERE_ON_THEM,
        frozenset({"ask_followup", "mention_condition", "report_red_flag"}),
        max_words=16,
    ),
    Hint(
        # "simpler pls. like im 10": the last answer in plain words (user study round 15, #37); not a first
        # question asked in simple words ("what is red light therapy in simple words?")
        "ask_followup",
        _p(rf"^(?!\W*(what|whats|what's|how|why|is|are|does|tell me)\b)"
           rf"(?![\s\S]*\b(red light|therapy|pads?|works?|helps?|does|mechanism|science)\b)[\s\S]*"
           rf"({SIMPLER_REQUEST.pattern})"),
        frozenset({"ask_followup"}),
        max_words=14,
    ),
    Hint(
        # "why do I need to check, it's only light": the reason for the last answer, not how light works
        "ask_followup",
        _p(r"^\W*(but |and |so |ok |okay )?why (do|should|would|must|does) (i|we|she|he|they|you|my \w+) "
           r"(really |even |still )?(need|have|want) (me )?to (check|ask|see|talk|consult|speak)\b"),
        frozenset({"ask_followup"}),
        max_words=14,
        below_confidence=0.9,
    ),
    Hint(
        # "does it at least help the symptoms?", "so it's useless for me?", "and alongside it?"
        "ask_followup",
        _FOLLOWUP_TOPICS,
        frozenset({"ask_followup", "ask_limitation_chronic_disease", "ask_limitation_medical_substitute"}),
        max_words=10,
        below_confidence=0.6,
        keep_confidence=0.5,
    ),
    Hint(
        # "I'm dying to try one, they're all over my tiktok": keen to try, not a red flag
        "ask_benefits",
        _p(r"\b(dying|can'?t wait|itching|keen|excited|desperate) to (try|get|buy|have|use)\b"),
        frozenset({"ask_benefits", "ask_purchase"}) | _KNOWLEDGE,
        max_words=20,
        below_confidence=0.9,
    ),
    Hint(
        # "I have shared my pregnancy details above in another chat. Kindly remove all my information from
        # your system" (user study round 47, #41: the pregnancy verdict, whatever the classifier's 0.99): a
        # polite request to delete is one, even where it names what was told
        "request_forget",
        _p(r"\b(kindly|please|pls|plz|i want you to|i'?d like you to)\b.{0,20}\b(remove|delete|erase|wipe)\b"
           r".{0,15}\bmy (data|info|information|details|messages|chats?|conversations?|records?)\b"),
        frozenset({"request_forget"}),
        max_words=30,
    ),
    Hint(
        # "can you erase what I told you earlier?": deleting the conversation
        "request_forget",
        _p(r"\b(erase|delete|remove|wipe|clear|forget)\b.{0,25}\b(what i (told|said|wrote|typed)|"
           r"my (data|chat|conversation|messages|info|information|details|history|answers|responses|"
           r"results|records)|"
           r"everything( i (told|said))?|this (chat|conversation)|our (chat|conversation))\b|"
           # "can you wipe what you have on me" (development round 33: the cleaning answer)
           r"\b(erase|delete|remove|wipe|clear)\b.{0,20}\b(what|whatever|anything|everything|all)\b.{0,20}"
           r"\b(on|about) me\b|"
           # "I told you about my pregnancy earlier ... I'd like that deleted"
           r"\b(that|it|this|them|those|everything|all of it)\s+(deleted|erased|removed|wiped)\b|"
           # "I want my data deleted please" (user study round 47, #41)
           r"\bmy (data|info|information|details|chat|conversation|messages|history|stuff)\s+"
           r"(deleted|erased|removed|wiped)\b|"
           # "how do I get everything I type here erased?" (user study round 46, #18: "Thanks for telling me")
           r"\b(get|have)\s+(everything|all|it|this|that|my \w+)\b.{0,25}\b(deleted|erased|removed|wiped)\b|"
           # "actually i dont want this stored anywhere" (user study round 33, #38: taken as an answer in
           # the check)
           r"\b(don'?t|do not|dont)\s+want\s+(this|it|that|any of (this|it)|my \w+( \w+)?|anything)\s+"
           r"(stored|saved|kept|recorded|on file)\b|"
           # "Right, bin the lot then", "Delete it aw" after the privacy answer (user study round 47, #62)
           r"^\W*((right|ok|okay|fine|so|then|well)[\s,]+)*(bin|scrap|ditch|trash|nuke|delete|wipe|erase)\s+"
           r"(the lot|it all|all of it|everything|it aw|aw of it|the whole lot)\b"),
        frozenset({"request_forget"}),
        max_words=30,
        below_confidence=0.8,
    ),
    Hint(
        # "so useless. forget it", "ugh forget it": never mind, not "forget my data" (user study round 22, #6:
        # the deletion was offered); "forget everything i said" and "forget me" stay requests to delete
        "stop",
        _p(r"(^|[,.;!?]\s*|\b(ugh|ok|okay|fine|so useless|whatever|nah|oh)\W+)forget (it|about it)\W*$"),
        frozenset({"stop", "goodbye", "deny"}),
        max_words=8,
    ),
    Hint(
        # "what?? no i didnt say delete anything" after the deletion question: a no (user study round 22, #6)
        "deny",
        _p(r"\b(i )?(didn'?t|did not|never)\s+(say|ask|want|mean|asked)\b[^.?!]{0,20}\b(delet\w*|eras\w*|"
           r"wip\w*|remov\w*)|\b(don'?t|do not|dont)\s+delete\b"),
        frozenset({"deny"}),
        max_words=16,
    ),
    Hint(
        # "actually no, leave it" to "shall I delete this conversation?": a no
        "deny",
        _p(r"^\W*(actually[\s,]+|oh[\s,]+|wait[\s,]+)?(no|nope|nah|no thanks)\b[\s,.!]*"
           r"(leave it|keep it|don'?t( bother)?|never ?mind|forget it|it'?s fine)\b"),
        frozenset({"deny", "stop"}),
        max_words=8,
        confirm_compatible=True,
    ),
    Hint(
        # "remind me who shouldn't use the pad?" read as a request for the check
        "ask_who_should_avoid",
        _p(r"\bwho (should(n'?t| not)?|can'?t|cannot|must not|mustn'?t|is not supposed to) (use|try|have)\b"),
        frozenset({"ask_who_should_avoid"}),
        max_words=14,
        below_confidence=0.9,
    ),
    Hint(
        # "so it's basically a fancy lamp?", "is it a scam?": the sceptic's evidence question
        "ask_evidence",
        _p(r"\b(fancy|expensive|glorified|overpriced|pricey) (lamp|light|torch|bulb|night ?light|gadget)\b|"
           r"\b(just|basically|only|merely) a (lamp|light|torch|bulb|gimmick|placebo)\b|\bscam\b|"
           r"\bgimmick\w*|\bsnake oil\b|\bpseudo-?science\b"),
        frozenset({"ask_evidence", "ask_limitations", "ask_limitation_variability", "ask_how_it_works"}),
        max_words=14,
        below_confidence=0.7,
    ),
    Hint(
        # "so basically a waste of money?": the sceptic's question about what the pads can really do, not a
        # complaint (user study round 6, #07 got "I'm sorry I haven't been more helpful... a refund")
        "ask_evidence",
        _p(r"\bwaste of (money|time|cash)\s*\?|\b(so|is it|is this|isn'?t it|basically|just)\b.{0,20}"
           r"\bwaste of (money|time|cash)\b[^.!]*$"),
        frozenset({"ask_evidence", "ask_limitations", "ask_limitation_variability", "ask_benefits"}),
        max_words=14,
    ),
    Hint(
        # "I'll leave it there for today" during the safety check: a stop
        "stop",
        _p(r"\b(leave it (there|at that|for (now|today))|that'?s enough( for (now|today))?|call it a day|"
           r"let'?s stop|stop (here|there|now)|no more questions|"
           r"i'?ve had enough of (this|the questions))\b"),
        frozenset({"stop", "goodbye"}),
        max_words=12,
        below_confidence=0.8,
    ),
    Hint(
        # "ok what about the fine lines round my eyes?": the anti-aging answer
        "ask_limitation_anti_aging",
        _p(r"\b(fine lines|wrinkles?|crow'?s feet|laughter lines|frown lines|dark spots|age spots|"
           r"sagging|anti[- ]?ag(e|ing)|look younger)\b"),
        frozenset({"ask_limitation_anti_aging"}) | _SAFETY,
        max_words=16,
        # ("will it actually do anything for her crow's feet?" read as "results vary", 0.61: user study round
        # 46, #13)
        below_confidence=0.75,
    ),
    Hint(
        # "forget the price, will it actually help the back?", "tired achy legs after work, would it help?":
        # an unsure guess at a message about helping a body part is the muscle and joint question
        "ask_benefit_muscle_joint",
        _p(rf"\b(help|helps|ease|relieve|good for|work for|do anything for)\b.{{0,25}}\b{_BODY}\b|"
           rf"\b(achy|aching|sore|stiff|tired|tight)\s+(\w+\s+)?{_BODY}\b.{{0,40}}\b(help|ease|relieve|work)\b|"
           # "and for me? my knees ache after walking him", "no i mean MY knees" (user study round 11, #06)
           rf"\bmy (own )?{_BODY}\b\s+"
           r"(ache|aches|aching|hurt|hurts|are sore|is sore|are stiff|is stiff|kill)|"
           rf"\b(i mean|i meant|what about|and for|for) my (own )?{_BODY}\b|"
           # "his knee is pain every morning", "pain in the knee of my mother"
           rf"\b{_BODY}\s+(is|are|has|have|got)\s+(\w+\s+)?(pain|painful|sore|stiff|aching|achy|hurting)\b|"
           rf"\b(pain|ache|aches|aching|soreness|stiffness)\s+(in|of)\s+(the|my|his|her|their)\s+{_BODY}\b"),
        frozenset({"ask_benefit_muscle_joint"}) | _KNOWLEDGE | _SAFETY,
        max_words=20,
        below_confidence=0.4,
    ),
    Hint(
        # "what about when it's not flaring?": the earlier skin answer, for a calm phase
        "ask_followup",
        CALM_SKIN_FOLLOWUP,
        frozenset({"ask_followup"}),
        max_words=10,
        below_confidence=0.8,
    ),
    Hint(
        # "what about just for his cold hands?": the circulation answer, not the condition's again
        "ask_benefit_circulation",
        _p(r"\b(what about|how about|and|but|just|only) (just |only )?(for |on )?"
           r"(his|her|their|my|the|your)? ?(cold|freezing|icy) (hands|feet|fingers|toes)\b"),
        frozenset({"ask_benefit_circulation"}),
        max_words=12,
        below_confidence=0.6,
    ),
    Hint(
        # "ugh. fine. should i keep using it or give up" after "3 days, no effect": the source's answer on
        # how long results take and that they vary, not the safety check (user study round 16, #20)
        "ask_limitation_variability",
        _p(r"\b(keep (on )?using|keep going|carry on( using)?|continue( using)?|stick with)\b[^.?!]{0,25}"
           r"\b(or (give up|stop|quit|not|bin it|return it)|give up)\b|\bgive up on (it|the pad|this)\b|"
           r"\b(should|do) i (just )?give up\b"),
        frozenset({"ask_limitation_variability"}),
        max_words=16,
    ),
    Hint(
        "ask_followup",
        _BARE_FOLLOWUP,
        frozenset({"ask_followup"}),
        max_words=10,
    ),
    Hint(
        # "it's the gout. so no pad?", "pad or no pad during a flare?" read as a warning sign (user study
        # round 27, #37): whether the earlier answer means no pad (the policy reads every message for red
        # flags whatever the intent)
        "ask_followup",
        _p(r"\bpad or no pad\b|\bno pad\s*\?|\b(use it|use the pad) or not\b|"
           r"\b(so|then) (i )?(can'?t|cannot|shouldn'?t|should not|mustn'?t) use (it|the pad)\s*\?"),
        frozenset({"ask_followup"}),
        max_words=16,
    ),
    Hint(
        "ask_followup",
        _FOLLOWUP,
        frozenset({"ask_followup"}),
        max_words=3,
    ),
    Hint(
        "ask_followup",
        _FOLLOWUP,
        frozenset({"ask_followup"}) | _KNOWLEDGE | _SAFETY,
        max_words=10,
        keep_confidence=0.2,
        below_confidence=0.6,
    ),
    Hint(
        "thank",
        _p(r"^\W*((ok|okay|cool|great|perfect|nice|sounds good|got it|alright)[\s,.!]*)?"
           r"(thx|thanks|thank you|thank u|ty|cheers|much appreciated)\b[\s\w,.!]{0,20}$"),
        frozenset({"thank", "goodbye"}),
        confirm_compatible=True,
    ),
    Hint(
        # "ok got it thx", "ok I'll tell her no. thanks", "obrigado!" (user study round 37, #14, #24, #25,
        # #12: an acknowledgement then thanks, read as "affirm" or not understood): thanks last, no question
        "thank",
        _p(r"^\W*(ok(ay)?|k|alright|all right|got it|makes sense|noted|great|cool|perfect|fine|right|"
           r"understood|i see|will do|sure|yeah|yes|yep|fair enough|good to know|that helps|i'?ll|i will)\b"
           r"[^?]{0,60}[\s,.!](thx|thanks|thank you|thank u|ty|cheers|much appreciated)[\s,.!]*$|"
           r"^\W*(obrigad[oa]|muito obrigad[oa]|gracias|muchas gracias|danke( sch(ö|oe)n)?|vielen dank|merci"
           r"( beaucoup)?|grazie( mille)?|dank je( wel)?|dziękuję|dziekuje|spasibo|arigato|shukran|"
           r"dhanyavaad|asante)[\s,.!]*$"),
        frozenset({"thank", "goodbye"}),
        max_words=12,
        confirm_compatible=True,
    ),
    Hint(
        # "k never mind. bye", "ok cya": a goodbye, whatever came before it
        "goodbye",
        _p(r"\b(bye|bye bye|goodbye|good bye|cya|see ya|see you|ttyl|gotta go|g2g|take care)\W*$"),
        frozenset({"goodbye", "thank", "stop"}),
        max_words=8,
        confirm_compatible=True,
    ),
    Hint(
        "affirm",
        _p(r"^\W*(ok(ay)?|k|cool|great|perfect|nice|sounds good|got it|alright|all right|makes sense|"
           r"fair enough|i see|understood|good to know|noted|fair point|good point|point taken|"
           r"true( enough)?|i suppose( so)?|i guess( so)?)([\s,.!]+(i suppose|i guess|then|thanks))?"
           r"[\s,.!]*$"),
        frozenset({"affirm", "thank"}),
        confirm_compatible=True,
    ),
    Hint(
        # "ok I'll call the midwife", "fine, I'll ask the pharmacist", "ok, makes sense"
        "affirm",
        _p(r"^\W*(ok(ay)?|alright|all right|fine|sure|got it|right)\b[\s,.!]+(i'?ll|i will|will do|"
           r"makes sense|i understand|understood|i see|noted|fair)\b"),
        frozenset({"affirm", "thank", "goodbye", "stop"}) | _SAFETY,
        max_words=12,
    ),
    Hint(
        # "fair enough, I'll ask her at my next appointment", "will ring the surgery tomorrow": a plan to
        # ask someone, not a question (the policy still reads the recogniser for conditions)
        "affirm",
        _p(r"^\W*((ok(ay)?|alright|all right|fine|sure|got it|right|fair enough|thanks|thank you|thx|cool|"
           r"great|good idea|will do|noted)[\s,.!]+)*(i'?ll|i will|will|gonna|going to|i'?m going to)\s+"
           r"(ask|check with|talk to|speak to|see|ring|call|phone|book|run it (by|past)|mention it to|"
           # "ok got it, i'll check the manual": not the safety check (user study round 6, #42)
           r"(check|read|look (at|in)|have a look (at|in))\s+(the|my|its|that)\s+"
           r"(manual|instructions|leaflet|booklet|guide|box|label)|"
           # "cool, I'll sleep on it": deciding later, not sleeping on the pad (user study round 38, #20)
           r"(sleep on it|think about it|think it over|have a think|mull it over)"
           r"(?! (with|on|under|overnight)\b))\b"),
        frozenset({"affirm", "thank", "goodbye", "stop"}) | _SAFETY,
        max_words=16,
        confirm_compatible=True,
    ),
)


# "so I'm fine?", "it's fading, so am I good?"; not "am I ok to use one of these?" (a request for the check)
_STATUS_FOLLOWUP = _p(
    r"\b(am i|i'?m|im|are we) (ok|okay|fine|good|safe|alright)\b(?! to (use|try|start|buy|get))"
    r"[^.]{0,20}\?\s*$|"
    # "... So I could use it then?" after a verdict (user study round 47, #5: read as "I don't know")
    r"(^|[.!?]\s*)so (i|we|she|he|they|mi|me) (can|could|cud|fit|may) (use|try|start)( it| am| the pad)?"
    r"( then| now)?\s*\?\s*$|"
    # "so should i still use it on the knee?" after the infection signs' "don't use the pad on it" (user study
    # round 51, #32: the usage text, a green light): the verdict, asked again (a bare "can i still use it?"
    # with
    # nothing before it keeps the classifier's reading)
    r"(^|[.!?]\s*)\W*((so|ok|okay|and|but)\W+)+(should|can|could|may) (i|we|she|he) (still|even) (use|"
    r"try|put) "
    r"(it|the pad|this)( on (it|them|the|my|her|his)( \w+)?)?( then| now| or not)?\s*\?*\s*$|"
    # "this is taking ages, just tell me whether i can use it" in the check (its substitute guess, which led
    # here, now needs a word of replacing or treatment: user study round 49)
    r"\b(just )?(tell me|say|let me know) (whether|if) (i|we) (can|could|should|may) (use|try|start) "
    r"(it|the pad)\b"
)


# "forget the price, will it help the back?": the topic the user sets aside is not the question
_DISMISSED = _p(
    r"\b(forget( about)?|never ?mind|ignore|leave|not asking about|wasn'?t asking about|didn'?t ask about|"
    # ("ok no price then. but the cold hands bit?", user study round 48, #12)
    r"not about|nothing to do with|i don'?t care about|not|no)\s+(the\s+)?(price|prices|pricing|cost|costs|"
    r"money|refunds?|returns?|orders?|"
    r"buying( one)?|purchas\w*|shopping|"
    # ("omg. forget fat. wat else does it do. muscles? skin?": user study round 48, #7, the fat answer again)
    r"fat|fat loss|fat burning|weight|weight loss|losing weight)\b[.,!]*"
)


def without_dismissed(text: str) -> str:
    """The message without a topic the user sets aside ("forget the price, ...")."""
    return _DISMISSED.sub(" ", text)


_KEEP_DATA = _p(
    r"^\W*(no|nope|nah|cancel|keep)\b|\b(don'?t|do not|dont|never|not)\s+(\w+\s+)?(delete|erase|remove|wipe|"
    r"forget(?!\s+to\b))\b|^\W*(no\W+)?(please\s+|just\s+|actually\s+)?keep\b"
)


# the user's own body ("my knees"), and a pet as the one the pad is for ("on my dog", "my cat has arthritis")
_OWN_BODY = _p(
    r"\b(my|me)\s+(\w+\s+)?(knees?|back|neck|shoulders?|hips?|legs?|feet|foot|ankles?|arms?|hands?|wrists?|"
    r"elbows?|calves|calf|joints?|muscles?|face|skin)\b"
)
_TURN_TO_SELF = _p(
    r"\b(what|how) about me\b|\b(and|but) (for |what about )?me\b|"
    r"\b(asking|ask) (about|for) (me|myself|my)\b|"
    r"\bnot (the|my|our|her|his) (dog|cat|horse|pony|pet|animal|puppy|kitten)s?\b"
)
_FOR_PET = _p(
    r"\b(on|for|to|near|around|with)\s+(my|our|the|a|his|her)\s+(old\s+|senior\s+|elderly\s+)?(dogs?|cats?|pets?|"
    r"horses?|pupp(y|ies)|kittens?|rabbits?|pony)\b|\b(dogs?|cats?|pets?|horses?)('s|s')\s+\w+|"
    r"\b(my|our|the)\s+(dogs?|cats?|pets?|horses?|pupp(y|ies))\s+(has|have|is|are|'s|gets?|got)\b|"
    r"\b(animals?|pets?|vets?|veterinar\w*)\b"
)
_SMALL_TALK = _p(
    r"\b(do|d|do you) (u|you|ya) (like|love|enjoy|eat|watch|play)\b|\b(what'?s|whats|what is) (your|ur|yer) "
    r"fav(ou?rite)?\b|\b(what'?s|whats|how'?s|hows|how is) the weather\b|\bweather (like|today|there)\b|"
    r"\btell me a joke\b|\bwho (will|would|is gonna|is going to) win\b"
)
_RED_LIGHT_WORDS = _p(r"\b(pad|pads|panel|red light|red-light|light therapy|infrared|device|lamp|mask)\b")
_PET_NEAR = _p(
    r"\b(be|stay|sit|sits|lie|lies|lay|lays|sleep|sleeps|curl up|curls up)\s+(near|around|next to|beside|on|"
    r"by|under|in front of)\s+(it|the pad|the panel|the light|me)\b|\b(in the (same )?room)\b"
)
_WHY_NOT_ME = _p(
    r"\bwhy (can'?t|cant|cannot|can not|shouldn'?t|shouldnt|mustn'?t|not|isn'?t it ok for|is it bad for) "
    r"(i|me|she|he|her|him|we|us|they|them)\b"
)


# "can I use it", "is it safe for me", "am I ok to use it": the user asks about themselves
_ASKS_IF_FOR_ME = re.compile(
    r"\b(can|could|may|should) i (use|try|start|go ahead)\b|"
    r"\b(is|would|will) (it|the pad|this|that) (be )?(ok|okay|safe|fine|alright) (for me|to use)\b|"
    r"\bam i (ok|okay|safe|fine|good|alright|clear) to\b|\b(safe|ok|okay|fine) for me\b|"
    r"\b(ok|okay|fine|safe|alright|good) (to use )?(for|on) my \w+\s*\?|"
    # ("... not on any meds. I just want it for my stiff shoulders. Good to go?": user study round 44)
    r"\b(good|ok|okay|safe|clear) to go\b|\b(am i|i'?m) (ok|okay|fine|good|safe|clear)\b|"
    # "So I am ok to use?" (user study round 45, #55)
    r"\b(i am|i'?m|im) (ok|okay|fine|good|safe|alright|clear) to (use|try)\b",
    re.IGNORECASE,
)


def _denies_several(text: str) -> bool:
    """At least two conditions of the user's own denied, and none affirmed ("no eczema, no wounds")."""
    from padsafety.recognition import Experiencer, recognise

    recognition = recognise(text)
    denied = {m.rule_id for m in recognition.mentions if m.negated and m.experiencer is Experiencer.SELF}
    return len(denied) >= 2 and not recognition.affirmed()


def hinted_intent(text: Optional[str], intent: Optional[str], confidence: float) -> Optional[str]:
    """The intent a cue decides for this message, or None to keep the classifier's."""
    if not text or text.startswith("/"):
        return None
    text = without_dismissed(text)
    if _OTHER_DEVICE.search(text) and _is_topic(text, _PRIVACY):
        # "the old conversation on my other phone, is that deleted now or not?": only that chat can delete
        # itself; this one's deletion was offered instead (user study round 50, #17)
        return "ask_not_in_source"
    if len(text.split()) <= 20 and intent not in ("report_red_flag", "request_forget", "stop"):
        from padsafety.conversation import WOUND_SIGNS

        if WOUND_SIGNS.search(text):
            from padsafety.recognition import Decision, recognise

            if recognise(text).decision in (Decision.NONE, Decision.GENERAL):
                # "it looks a bit red and warm around it today tbh" (user study round 51, #32: the evidence
                # paragraph): signs about what was said before, answered by the follow-up
                return "ask_followup"
    if intent in ("thank", "affirm", "greet"):
        from padsafety.inputs import after_acknowledgement

        question = after_acknowledgement(text)
        if question:
            # "great thanks. and do you know any good brands?" read as thanks (user study round 48, #12:
            # "You're welcome"): the question after the nod decides, when a cue knows it
            return hinted_intent(question, None, 0.0)
    if intent != "out_of_scope" and is_pause(text):
        from padsafety.recognition import recognise

        found = recognise(text)
        if not found.red_flags and not found.affirmed():
            # "hang about, someone's at the door, give us a minute": a pause (user study round 46, #28)
            return "out_of_scope"
    if intent != "request_screening" and _ASKS_IF_FOR_ME.search(text) and _denies_several(text):
        # "I'm male, no skin infections, no eczema, no wounds, no pacemaker. Can I use the pad for my neck?"
        # read as the skin-conditions group, whose avoid text then read as a verdict (user study round 43,
        # #35): the check, which notes those noes and asks the rest
        return "request_screening"
    if _is_topic(text, _DEVICE_CARE_TOPICS) and not _red_flag_named(text):
        # "can i tape the cable and keep using it?" read as a keep-or-stop follow-up (user study round 28,
        # #32): repairing the pad, fire and cold skin have their own careful answers, whatever the guess
        return "ask_not_in_source"
    if (
        intent in (_KNOWLEDGE | _GENERIC) - {"request_screening"}
        and not intent.startswith("ask_avoid_")  # (the photosensitivity answer names such medicines)
        and _asks_about_a_medicine(text)
    ):
        # "what does doxycycline do with light?" read as how light works: a medicine the user takes, which the
        # safety policy assesses (user study round 13, #09)
        return "mention_condition"
    if (
        intent not in ("out_of_scope", "greet")
        and _SMALL_TALK.search(text) and not _RED_LIGHT_WORDS.search(text)
    ):
        # "do u like pizza" got the wavelength answer, "whats the weather like where u are" the unproven
        # claims (user study round 24, #21): what the bot can help with
        return "out_of_scope"
    if intent not in ("report_red_flag", "request_forget") and ANIMAL_INJURY.search(text):
        from padsafety.recognition import recognise

        if recognise(text).affirmed():
            return "mention_condition"  # the person's bite or scratch, not a question about a pet
    if intent != "ask_pet" and ANIMAL.search(text) and _PET_NEAR.search(text):
        # "can my cat be near it when i use it on my shoulders?" read as the muscle question: the animal is
        # what is asked about (user study round 23, #37)
        return "ask_pet"
    if _STOP_THE_PAD.search(text) and intent not in ("report_red_flag", "stop", "request_forget"):
        from padsafety.conversation import symptom_stop

        if symptom_stop([text]):
            # "now it's hot and red around the kneecap. should i stop using it?": the condition's assessment
            # says to stop and see a doctor, with no paragraph read from "stop" or "warm" after it (round 26)
            return "mention_condition"
    if intent == "ask_limitation_medical_substitute" and _STOP_THE_PAD.search(text):
        # "should I stop using it?" about the pad on a warm, red knee got "do not stop or change any
        # treatment" (user study round 26, #56): a question about the pad, answered as keep or stop
        return "ask_followup"
    if intent == "request_forget" and _KEEP_DATA.search(text):
        # "no, don't delete anything" after the confirmation question is its "no"
        return "deny"
    from padsafety.conversation import why_topic

    if len(text.split()) <= 12 and intent in _GENERIC | {"ask_purchase"} and confidence < 0.6 and (
        _WHY_NOT_ME.search(text)
    ):
        # "but my back isnt my belly. why cant i?" after the pregnancy verdict, read as a purchase question
        # (0.44): the reason of the verdict (user study round 23, #4)
        return "ask_followup"
    if (len(text.split()) <= 12 and (_FOLLOWUP.search(text) and why_topic(text))) or (
        len(text.split()) <= 20 and _STATUS_FOLLOWUP.search(text)
    ):
        return "ask_followup"  # "so why would it do anything for wrinkles", "it's fading, so I'm good?"
    words = len(text.split())
    for hint in HINTS:
        if words > hint.max_words or not hint.pattern.search(text):
            continue
        if hint.intent == "ask_benefit_muscle_joint" and _BODY_SKIN.search(text):
            # "can i use it for my back acne": the skin of the back, not the back (user study round 43, #50:
            # the back-pain paragraph)
            continue
        if hint.pattern is MISREAD_COMPLAINT and any(
            other.intent == "request_forget" and other.pattern.search(text) for other in HINTS
        ):
            # "I did not ask about using pad. I want my data deleted please": the deletion is what is asked
            # (user study round 47, #41: "Sorry, that answer missed your question. Could you ask it again")
            continue
        if hint.intent == "ask_pet" and _TURN_TO_SELF.search(text):
            # "ok fair, I'll ask the vet. What about me, I get stiff hands", "I'm asking about MY hands now,
            # not the horse" (user study round 48, #19: the vet answer twice)
            continue
        if hint.intent == "ask_pet" and _OWN_BODY.search(text) and not _FOR_PET.search(text):
            # "walking the dog hurts my knees, would it help": the user's knees, not the dog's (round 23
            # check: got the vet answer)
            continue
        if hint.intent == "ask_purchase" and (
            needs_cue("ask_purchase", text)
            # "half the leds stopped lighting up, is it broken?": the device's answer (stop using it, contact
            # the seller) unless money is named (user study round 14, #17)
            or _asks_device_safety(text)
            # "what should i look for when buying, like wavelength?": what to look for in a pad (user study
            # round 17, #21: got "I can't help with prices")
            or (_is_topic(text, _CHOICE_TOPICS) and (not _PRICE_WORDS.search(text) or _QUALITY.search(text)))
            # "getting cold feet about buying one, is there any real evidence?", "so basically a very
            # expensive lamp": a sceptic's question about the evidence (user study round 43, #29, #32: "I
            # can't help with prices")
            or (_SCEPTIC.search(text) and not _BUYING_ASKED.search(text))
        ):
            continue  # "i want buy one for my sholder pain, it is good for this?" asks whether it helps
        # a red-flag guess with no red flag in the words is the classifier's word alone ("dying to ask",
        # "advertise them as fat burning", "how do I get everything I type here erased?": user study rounds
        # 45, #22, #54 and 46, #18): the cue decides, however confident the guess
        unfounded = intent == "report_red_flag" and not _red_flag_named(text)
        if intent in hint.compatible and confidence >= hint.keep_confidence and not unfounded:
            # a compatible guess is kept; the same intent is confirmed (no fallback for a near tie)
            return intent if intent == hint.intent or hint.confirm_compatible else None
        if confidence >= hint.below_confidence and not unfounded:
            return None
        # the classifier's own guess below the fallback threshold is confirmed by the cue
        return hint.intent
    return None


# Topics of knowledge/beyond_source.yml specific enough to decide the intent over a generic guess
# ("do I need goggles?" read as "how does it work?").
STRONG_TOPICS = frozenset({
    "menopause", "skin_reaction", "worn_device", "metal_implant", "implant_elsewhere", "timing", "heat",
    "emf",
    "sleep_on_pad", "eyes", "clothing", "session_length", "frequency", "wavelength", "regulation",
    "device_operation", "choosing", "cleaning_sharing", "travel", "terms",
    "scars", "acne", "skin_disease", "tanning_uv", "hair", "mood_sleep", "cellulite", "tattoo",
    "light_appearance", "professional_devices", "dark_circles", "gift", "alternatives", "bystanders",
    "breast_milk", "studies", "pad_options", "condition_terms", "alcohol", "bruises", "calm_eczema",
    "hearing_aid", "dizzy", "sunscreen", "age", "who_runs", "about_source", "side_effects",
    "questions_for_doctor", "medicine_interaction", "tumour_claims",
})
# Practical questions about the device itself (its light, sounds, heat, timer, battery, cleaning): answered
# with "my source does not cover that, see the manual or the seller", never with a remembered verdict or a
# referral, as nothing in them asks whether the user may use it (user study round 6: "is it supposed to
# flash?" got "please ask your doctor first (another medical condition)")
PRACTICAL_TOPICS = frozenset({"light_appearance", "device_operation", "heat", "cleaning_sharing", "travel"})
_CARE_TOPICS = frozenset({"cleaning_sharing", "travel", "clothing", "sleep_on_pad", "eyes", "session_length",
                           "frequency", "alcohol", "sunscreen",
                           # ("not u. i mean use the pad BEFORE or AFTER training" started the check:
                           # user study round 48)
                           "timing"})
_CONDITION_TOPICS = frozenset({"mood_sleep", "acne", "hair", "cellulite", "scars",
                               "metal_implant", "tattoo", "implant_elsewhere", "skin_reaction",
                               "worn_device", "bruises", "calm_eczema"})
_GENERIC = frozenset({
    "nlu_fallback", "out_of_scope", "affirm", "deny", "dont_know", "ask_how_it_works", "ask_benefits",
    "ask_evidence", "ask_limitations", "ask_limitation_variability", "ask_limitation_weight_loss",
    "greet", "thank", "mention_condition", "report_red_flag",
})


_WOUND_WORDS = _p(
    r"\b(surger(y|ies)|operations?|op|wounds?|cuts?|incisions?|stitch(es)?|c-section|heal\w*)\b"
)


# a body part or wound described as warm or hot (a sign of inflammation), not the pad
_WARM_BODY = _p(
    r"\b(red|swollen|puffy|throbbing|sore|inflamed|oozing|weeping|tender|yellow\w*|scabs?|pus|crust\w*)\b"
    r".{0,30}\b(warm|hot)\b|"
    r"\b(warm|hot)\b.{0,12}\b(to the touch|and (red|swollen|puffy|throbbing|sore))\b"
)
# guesses a message about a metal implant gets ("it's only titanium, not electronic")
_IMPLANT_LOOKALIKES = frozenset({
    "ask_avoid_implanted_device", "ask_benefit_wound_healing", "ask_benefit_muscle_joint",
})


_PRECISE_CARE = _p(
    r"\b(doze|dozing|nod|nodding|drift) off\b|\bfall(ing)? asleep\b|\bsleep (on|with) (it|the pad)\b|"
    r"\b(get|gets|getting|feel|feels|run|runs) (warm|hot)\b|\bheat(s)? up\b|\boverheat\w*|"
    # "the pad can make burn on my skin?" read as wound healing (user study round 15, #11)
    r"\b(can|could|will|would|does|do|might|may)\s+(it|the pad|pad|the light|this)\s+(make\s+)?(a\s+)?burn\s+"
    r"(the|my|on)\b|"
    r"\b(pad|light)\s+(can|could)\s+(make\s+)?burn\b|\bmake\s+(a\s+)?burns?\s+on\b"
)
# "I fit use the pad for my knee every day?" read as the muscle question (user study round 48, #34): how
# often, whatever the body part
_EVERY_DAY_USE = _p(
    r"\b(use|using|put|apply)\b[^.?!]{0,30}\b(every ?day|daily|twice a day|every night|every morning)\s*\?"
)
# "does she need goggles for the face?" read as the anti-ageing question, "my daughter asks, can I use it
# while I sleep?" as the children's one (user study round 23, #25, #36); not over light sensitivity
_EYES_OR_SLEEP = _p(
    r"\bgoggles\b|\beye ?(protection|wear|shields?|covers?)\b|\b(protective|safety) (glasses|eyewear)\b|"
    r"\bwhile (i|you|she|he|we) (sleep|'?m sleeping|am sleeping|nap)\b|\b(all night|overnight)\b"
)


# words that ask for the safety check itself ("is it safe for me to share it?"), not a practical answer
_CHECK_WORDS = _p(r"\b(safe|safety|check|contraindicat\w*|am i ok|am i okay|for me)\b")


# A skin reaction to the pad: its own answer over a skin-condition rule or a frustration apology
_REACTION_TOPICS = frozenset({"skin_reaction"})
_COMPLAINTS = frozenset({"express_frustration", "ask_purchase", "request_human"})
# the pad as the cause of what the skin shows ("gave me a rash", "redness from the pad", "where the pad was")
PAD_CAUSED = _p(
    r"\b(gave me|from (the|your|my|this) pad|where the pad (was|sat|went)|rash came|"
    r"(rash|redness) (is|was) from|after (using )?(it|the pad|the session|a session)|"
    r"used (it|the pad|the wrap|the mask) for \w+)\b"
)
# Topics whose answer is a safety "no" (water and a mains device): they decide the intent over any guess
_DEVICE_CARE_TOPICS = frozenset({"self_repair", "fire_safety", "after_cold"})
SHOCK_TOPICS = frozenset({"water_electrical", "device_hazard", "power_supply", "self_repair", "fire_safety",
                          "after_cold"})
# Topics a knowledge answer would stretch into an implied yes: bones ("does it help bones heal faster?" got
# the soft-tissue wound statement), light through a cast (the mechanism paragraph instead of the source's
# limited penetration depth), period pain and other pains the source does not name ("so it works for
# cramps?" got the muscle-soreness mechanism): the topic's answer, whatever knowledge answer was guessed
# (user study round 7, #30, #41)
# the eyes, the front of the neck and EMF, asked about as a risk (not "what can it do for my face?")
_EYES_NECK_EMF = _p(
    r"\b(eyes?|eyesight|vision|retinas?|front of (the|my|your) neck|thyroid|emf|electromagnetic|radiation)\b"
)
STRETCH_TOPICS = frozenset({"bones", "depth", "pain_conditions", "digestion", "hormones", "pain_cause",
                            "healed_fracture", "not_your_fault"})
# The same for a choice of timing around exercise and for another colour of light: "before or after my
# runs?" got the muscle paragraph twice, "what about blue light, does it do anything?" the mechanism (user
# study round 8, #03, #60); "recovery after the gym" or "why red and not blue?" keep their answers
_STRETCH_QUESTIONS = _p(
    r"\bbefore or after\b|\bbefore (my|a|the|each|every) \w+ or after\b|"
    r"^(?!\s*why\b).*\b(blue|green|yellow|amber|purple|violet|white) (light|leds?)\b"
)


_PRIVACY = frozenset({"privacy", "memory"})
# "no fracture, just sore shins ... does it help with DOMS": muscle soreness, not the bones answer (user study
# round 18, #03)
_NO_FRACTURE = _p(
    r"\b(no|not a|isn'?t a|not) (fracture|break|broken)\b|\bnot broken\b|"
    r"\b(doms|shin splints|muscle soreness|delayed onset)\b"
)
_CHOICE_TOPICS = frozenset({"choosing", "wavelength", "pad_options"})
_AGE_TOPIC = frozenset({"age"})
# an adult's age or "too old": "what age can you start?", "is there a minimum age" keep the children's answer
_ADULT_AGE = _p(r"\b(1[89]|[2-9]\d|1[01]\d)\b(?!\s*(months?|weeks?|days?|kg|lbs?|%))|\btoo old\b|"
                # "Is it dangerous for old people?" (user study round 46, #6: the who-should-avoid list)
                r"\b(old|older) (people|folk|folks|adults|person)\b|\belderly\b|\bpensioners?\b|\bseniors\b")

# "what did you just delete exactly?" asks about a deletion; it requests none
_ASKS_WHAT_DELETED = _p(r"\bwhat (did|have|has|was|got|exactly did) (you |it )?(just |exactly |already )?"
                        r"(delete|deleted|erase|erased|remove|removed|wipe|wiped)\b")
_OTHER_DEVICE = _p(
    r"\b(other|another|different|old|my wife'?s|my husband'?s) "
    r"(phone|device|laptop|browser|computer|tablet)\b"
)
_DELETE_WORDS = _p(
    r"\b(delete|deleted|deleting|erase|remove|wipe|forget me|get rid|"
    r"(don'?t|dont|do not|stop) (keep|keeping|stor))"
)
# knowledge answers that say what the pad helps with, and the skin diseases none of them covers
_HELPS_WITH = frozenset({
    "ask_limitation_chronic_disease", "ask_benefit_muscle_joint", "ask_benefit_circulation",
    "ask_benefit_wound_healing", "ask_benefits",
})
_SKIN_TOPICS = frozenset({"acne", "skin_disease"})
# a scar to fade, not a wound to heal: "will red light fade the scar? it's totally healed" (user study
# round 42, #44: the wound-healing statement, as if it were a yes)
# (a scar "from an operation" alone stays the source's slow-healing wounds after surgery)
_SCAR_TO_FADE = _p(
    r"\b(fully|totally|completely|long|all) healed\b|"
    r"\b(old|\d+[ -](year|yr)s?[ -]old)\s+([\w-]+\s+){0,2}scars?\b"
)
_HEAL_ASKED = _p(r"\bheal(s|ing)?\b")  # "can it help an old surgery scar heal better": the wound statement
_SORE_BODY = re.compile(
    rf"\b(sore|achy|aching|stiff|painful|bad)\s+(lower\s+|upper\s+)?{_BODY}\b|"
    # "my own knee dey pain me small small", "my waist dey pain me" (Nigerian English: user study round 43,
    # #8, #37)
    rf"\b({_BODY}|waist)\s+(dey|de|don dey|don)\s+(pain|hurt)\b|\b(small\s+)?waist\s+pain\b|"
    # "would a pad help her after the marathon?" (user study round 43, #29: out of scope)
    r"\b(help|ease|recover\w*)\b[^.?!]{0,30}\b(after|afterwards|from)\s+(the\s+|a\s+|her\s+|his\s+|my\s+|their\s+)?"
    r"(marathon|half marathon|race|run|runs|gym|workout|training|match|game|hike|triathlon|ride|"
    r"session at the gym)\b|"
    r"\b(marathon|half marathon|triathlon|race|match)\b[\s\S]{0,100}\b(would|will|could|can|does)\s+"
    r"(a\s+|the\s+)?"
    r"(pad|it|red light)\s+help\b",
    re.IGNORECASE,
)
_JOINT_WORDS = re.compile(
    # (not arthritis: "can it reverse arthritis for good" is the chronic-disease question of the textbook set)
    r"\b(frozen shoulder|tendons?|tendinitis|tendonitis|tennis elbow|golfer'?s elbow|bursitis|back pain|"
    r"bad back|knees?|shoulders?|hips?|sciatica|stiffness|stiff)\b",
    re.IGNORECASE,
)
_CHRONIC_NAMED = re.compile(
    r"\b(diabet\w*|heart|blood pressure|hypertension|fibromyalgia|chronic pain|ms|multiple sclerosis|lupus|"
    r"cancer|kidney|copd|asthma|thyroid)\b",
    re.IGNORECASE,
)
_WAIST_PAIN = re.compile(r"\bwaist\s+(dey\s+|de\s+|don\s+)?(pain|ache|aches|hurts?|paining)\b", re.IGNORECASE)
_PHOTO_WORDS = re.compile(
    r"\b(photo\w*|sensitiv\w*|lupus|porphyri\w*|sun\w*|uv|rash\w*|allerg\w*|medic\w*|pills?|tablets?|"
    r"antibiotic\w*|retin\w*|react\w*)\b",
    re.IGNORECASE,
)
_MOOD = re.compile(r"\b(depress\w*|anxiety|anxious|mood|blues|seasonal affective|sad)\b", re.IGNORECASE)


def _names_anything(text: str) -> bool:
    """Whether the recogniser finds a condition or a red flag in the message."""
    from padsafety.recognition import recognise

    found = recognise(text)
    return bool(found.mentions or found.red_flags)


def _is_topic(text: str, topics: FrozenSet[str]) -> bool:
    from padsafety.conversation import beyond_source_topic

    found = beyond_source_topic(text)
    return found is not None and found.id in topics


# questions of their own whatever the classifier guessed: a gift, what else helps (user study round 12, #04,
# #23)
_OWN_TOPICS = frozenset({
    # (user study round 48: treatments compared, a business's claims, read as the muscle or skin answers)
    "compare_treatments", "combine_treatments", "marketing_claims",
    "gift", "alternatives", "bystanders", "breast_milk", "studies", "pad_options", "condition_terms",
    # (user study round 20: calm eczema read as the skin-conditions rule, bruises as the muscle question,
    # a worn pump as the implant rule, "a bit drunk" as nothing)
    "calm_eczema", "bruises", "worn_device", "alcohol", "hearing_aid",
    # (user study round 43: "can it fix my posture too?" read as out of scope)
    "posture",
    # (user study rounds 42-43: "the best spot to put it for the cold feet" read as the limitations list)
    "placement",
    # (user study round 44: "what if I take the pump off for the session?" read as the usage question)
    "device_taken_off",
    # (user study round 27, #38: "what is your source?" read as the evidence question)
    "about_source",
    # (user study round 30, #27: "what questions should I ask my GP?" read as a follow-up; #43: "would it
    # interact with the blood thinners?" as the circulation question)
    "questions_for_doctor", "medicine_interaction",
    # (user study round 35, #19: "can red light shrink a tumour" read as the chronic-disease question)
    "tumour_claims",
    # (user study round 39, #2, #36: "could it make my back worse?" got "It may", "could it give me skin
    # cancer?" the anti-ageing paragraph)
    "make_worse", "causes_cancer",
    # (user study round 41, #2: "what is meant by acute eczema?" read as the skin-conditions rule)
    "skin_terms",
    # (user study round 42, #27: "dozed off with the pad still on my thighs" read as the muscle question)
    "slept_on_pad",
})
# topics a purchase or "are you a bot?" guess hides: "do I need a prescription to buy one?", "are you
# sponsored by a pad company?" (user study round 27, #15, #38: the prices-and-refunds answer, "I'm a bot");
# "which brand is best" stays a business question (issue #14: brands get the seller's contact)
_BESIDE_PURCHASE = frozenset({"regulation", "who_runs", "about_source", "cleaning_sharing"})


def _red_flag_named(text: str) -> bool:
    """Whether the recogniser finds an emergency in the message ("I got an electric shock from the pad")."""
    from padsafety.recognition import recognise

    return bool(recognise(text).red_flags)


def _asks_about_a_medicine(text: str) -> bool:
    """Whether the message asks if a medicine it names makes the skin sensitive to light."""
    from padsafety.medicines import light_sensitivity_answer
    from padsafety.recognition import recognise

    return bool(light_sensitivity_answer(text)) and any(
        m.rule_id == "photosensitising_medication" for m in recognise(text).affirmed()
    )


_ACNE_WORDS = _p(r"\b(acne|pimples?|zits?|breakouts?|blackheads?|whiteheads?)\b")


# topics that answer the question whatever knowledge answer a cue chose: "foam roller vs red light pad for
# sore hamstrings, which one?" is a comparison, not the muscle question (user study round 48, #3, #58)
# "is a red light pad basically a sunbed?", "the same kind of light as a sunbed?": what the light is
_SAME_AS_UV = _p(
    r"\b(basically|just|like|same|similar|kind of|type of|sort of)\b[^.?!]{0,30}\b(sunbeds?|sun ?beds?|"
    r"tanning beds?|solarium|uv|ultraviolet|sunlamps?)\b"
)
_SIDE_EFFECTS = frozenset({"side_effects"})
_POWER_WORDS = (
    r"(battery|batteries|battery[\s-]powered|plug|plugged in|plug in|plugs in|cable|cord|corded|cordless|"
    r"mains)"
)
_POWER_QUESTION = _p(
    rf"\b{_POWER_WORDS}\b[^.?!]{{0,25}}\b(or|vs|versus)\b[^.?!]{{0,25}}\b{_POWER_WORDS}\b|"
    r"\bbattery (version|one|model|option)\b|\b(need|needs|have|has) to be plugged in\b"
)
FIRST_TOPICS = frozenset({"compare_treatments", "combine_treatments", "marketing_claims", "after_cast",
                          "blood_pressure", "evidence_meaning", "give_it_time", "reading_light"})


def first_topic_intent(text: Optional[str], intent: Optional[str]) -> Optional[str]:
    """``ask_not_in_source`` for a knowledge or generic intent (a cue's too) when the message asks one of the
    ``FIRST_TOPICS``; else None."""
    if not text or text.startswith("/"):
        return None
    if intent in _KNOWLEDGE | _GENERIC | {"mention_condition"} and _is_topic(text, _SIDE_EFFECTS):
        from padsafety.recognition import Decision, recognise

        if recognise(text).decision in (Decision.NONE, Decision.GENERAL):
            # "what side effects could I get?" read as the who-should-avoid list, "I don't have a wound. I'm
            # asking what could go wrong when using it" as the skin conditions (user study round 49, #36):
            # the side-effects answer, which names who should avoid the pads as well
            return "ask_not_in_source"
    if intent in _KNOWLEDGE | _GENERIC and _POWER_QUESTION.search(text):
        # "I have lupus but thats not why im asking, does the pad need to be plugged in or is there a battery
        # version" read as the lupus answer alone, "ok noted, but u didnt answer, battery or plug?" as a yes
        # (user study round 50, #29): the device's answer (the rules still speak for the lupus first)
        return "ask_not_in_source"
    if intent not in (_KNOWLEDGE | _GENERIC) - _WHO_AVOIDS:
        return None
    if intent not in ("ask_usage_safety", "ask_not_in_source") and _EVERY_DAY_USE.search(text):
        # "Sorry I mean, I fit use the pad for my knee every day?" after a cue for the knee (user study round
        # 48, #34): how to use it, answered by topic
        return "ask_not_in_source"
    return "ask_not_in_source" if _is_topic(text, FIRST_TOPICS) else None


# who should avoid the pads, and the check: "better than a heat pack during pregnancy?" keeps its rule
_WHO_AVOIDS = frozenset({
    "ask_who_should_avoid", "ask_avoid_pregnancy", "ask_avoid_skin_conditions", "ask_avoid_photosensitivity",
    "ask_avoid_implanted_device", "ask_avoid_children", "request_screening",
})


def topic_intent(text: Optional[str], intent: Optional[str], confidence: float = 1.0) -> Optional[str]:
    """``ask_not_in_source`` when a generic or unsure guess hides a specific topic the source does not
    cover ("do I need goggles?" read as "how does it work?"). Safety never depends on the intent: the
    policy reads the recogniser for conditions and red flags whatever the intent."""
    from padsafety.conversation import beyond_source_topic

    if not text or text.startswith("/"):
        return None
    if intent in _KNOWLEDGE | _GENERIC and _is_topic(text, SHOCK_TOPICS) and not (
        intent == "report_red_flag" and _red_flag_named(text)
    ):
        # "so in the bath yes or no? it plugs into the wall", "right after a shower, skin still wet": the
        # electric-shock answer ("No.") whatever the classifier guessed (user study round 7, #52)
        return "ask_not_in_source"
    if intent not in ("request_human",) and _is_topic(text, _PRIVACY) and (
        not _DELETE_WORDS.search(text) or _ASKS_WHAT_DELETED.search(text)
        # ("so how do i get rid of the one on my other phone": only that chat can delete itself, user study
        # round 50, #17: the offer to delete this one)
        or _OTHER_DEVICE.search(text)
    ):
        # "is this chat saved? who can read it?": what is kept, whatever the guess (user study round 10, #18:
        # got the benefits, then the who-should-avoid list); "delete my data" stays the request to delete
        return "ask_not_in_source"
    if intent in _KNOWLEDGE | _GENERIC | {"request_screening"} and _is_topic(text, _AGE_TOPIC) and (
        intent not in ("ask_avoid_children", "ask_who_should_avoid") or _ADULT_AGE.search(text)
    ):
        # "is 38 too young to start using it?" started the safety check, "am i too old for this?" got the
        # children's answer: no age limit in the source (a child's own age keeps the children's answer)
        return "ask_not_in_source"
    # ("is that a burn??" after a red mark from the pad, read as a follow-up: user study round 36, #14)
    reaction_over = (_GENERIC | _COMPLAINTS | {"ask_followup"}) - {"report_red_flag"}
    if PAD_CAUSED.search(text.lower()):
        # ("stupid pad gave me red blotchy skin after 20 min" read as a red flag, 0.55: user study round 30,
        # #20; a burn or another red flag the recogniser finds keeps it, below)
        reaction_over |= _KNOWLEDGE | {"report_red_flag"}
    if intent in reaction_over and _is_topic(text, _REACTION_TOPICS):
        # "this stupid pad gave me a red rash", "a red itchy rash where the pad was, should i keep using it":
        # a reaction to the pad (stop using it, see a doctor if it does not settle), not the skin-condition
        # rule or an apology about results, when the recogniser finds no condition of the user's in it
        # (user study round 8, #20). Over a knowledge guess only when the pad caused it ("should I avoid it
        # on irritated skin?" asks who should avoid it), and never over a burn or another red flag
        # ("there's a nasty burn where the pad was"): checked on the NLU training data and the candidate
        # round-5 examples (docs/nlu/candidates/), where the broader override made three right intents wrong.
        from padsafety.recognition import recognise

        recognised = recognise(text)
        if not recognised.affirmed() and not recognised.red_flags:
            return "ask_not_in_source"
    if intent == "bot_challenge" and _is_topic(text, frozenset({"timing"})):
        return "ask_not_in_source"  # "ok bt b4 or aftr training??": "bt" is "but" (user study round 48, #29)
    if intent == "bot_challenge" and _is_topic(text, frozenset({"about_source"})):
        # "who actually wrote the stuff you're quoting from?" asks about the source, not whether the bot is a
        # person (user study round 46, #8)
        return "ask_not_in_source"
    if (
        intent in ("ask_who_should_avoid", "ask_benefits", "ask_how_it_works",
                   "ask_limitation_medical_substitute")
        and _EYES_NECK_EMF.search(text) and _is_topic(text, frozenset({"eyes", "face_neck", "emf"}))
    ):
        # "is near infrared dangerous for your eyes?" (the who-should-avoid list), "why avoid the front of the
        # neck?" (the benefits), "do these give off EMF?" (user study round 45, #63, #44): their own careful
        # answers, when the message names no condition of the user's (the usage-safety answer keeps the eyes:
        # it has the eye guidance; overriding it cost the held-out NLU sets five items: declared in the
        # README)
        from padsafety.recognition import recognise

        if not recognise(text).affirmed():
            return "ask_not_in_source"
    stretchable = (_KNOWLEDGE | _GENERIC | {"ask_followup"}) - _SAFETY - {"request_screening"}
    bones_denied = _NO_FRACTURE.search(text) and not _is_topic(text, STRETCH_TOPICS - {"bones"})
    if intent in stretchable and not bones_denied and (
        _is_topic(text, STRETCH_TOPICS) or _STRETCH_QUESTIONS.search(text)
    ):
        return "ask_not_in_source"
    if intent in ("mention_condition", "report_red_flag") and _is_topic(text, frozenset({"digestion"})):
        # "can the pad go on my belly? not expecting, just bloated" read as a mention (user study round 29,
        # #27: "Thanks for telling me", twice): the topic, when the recogniser finds no condition in it
        from padsafety.recognition import recognise

        recognised = recognise(text)
        if not recognised.affirmed() and not recognised.red_flags:
            return "ask_not_in_source"
    if intent == "ask_purchase" and _is_topic(text, frozenset({"pad_options", "regulation"})) and not any(
        hint.intent == "ask_purchase" and hint.pattern.search(text) for hint in HINTS
    ):
        # "are the pads flexible? can i wrap one round my shoulder" read as a purchase (0.86), "do i need a
        # licence for my salon" as the medical-substitute paragraph: the device's own question, when no word
        # of buying is in it (user study round 35, #44, #15)
        return "ask_not_in_source"
    if (
        intent == "ask_limitation_chronic_disease"
        and _JOINT_WORDS.search(text) and not _CHRONIC_NAMED.search(text)
    ):
        # "is it true a red light pad cures frozen shoulder?" got the chronic-disease paragraph and its
        # diabetic foot (user study round 44): the joint answer says it cannot cure joint diseases
        return "ask_benefit_muscle_joint"
    if intent == "ask_limitation_weight_loss" and _WAIST_PAIN.search(text):
        # "small waist pain from driving, the pad go help me?": the lower back (Nigerian English), not fat
        # (user study round 43, #37: the fat-loss answer)
        return "ask_benefit_muscle_joint"
    if intent in ("out_of_scope", "nlu_fallback") and _SORE_BODY.search(text) and not ANIMAL.search(text):
        # "I do get a sore back from crying in bed all weekend lol" (user study round 42, #47: out of scope at
        # 0.91): a sore body part said in passing is the muscle question
        return "ask_benefit_muscle_joint"
    if (
        intent == "ask_avoid_photosensitivity" and _is_topic(text, frozenset({"mood_sleep"}))
        and not _PHOTO_WORDS.search(text) and not _names_anything(text)
    ):
        # "people say you should put red light on your thyroid for energy. Is that a thing?" read as the
        # light-sensitivity rule (user study round 48, #56): energy is a topic the source does not cover
        return "ask_not_in_source"
    if intent in _HELPS_WITH and _is_topic(text, frozenset({"mood_sleep"})) and _MOOD.search(text):
        # "does it treat depression?" read as the chronic-disease question (user study round 41, #44: its
        # diabetic-foot warning): the source covers no mood
        return "ask_not_in_source"
    if intent == "express_frustration" and "?" in text and _is_topic(text, STRONG_TOPICS | FIRST_TOPICS):
        # "You didn't answer. Is it the same kind of light as a sunbed or not?" (user study round 48, #9: an
        # apology and the refund line): the question asked again is answered
        return "ask_not_in_source"
    if (
        intent == "ask_avoid_photosensitivity" and _is_topic(text, frozenset({"tanning_uv"}))
        and _SAME_AS_UV.search(text)
    ):
        # "The leaflet also mentions avoiding sunbeds. Is a red light pad basically a sunbed?" (round 48, #9)
        return "ask_not_in_source"
    if intent == "ask_avoid_skin_conditions" and _is_topic(text, frozenset({"acne"})):
        # "I've got hormonal acne on my chin. Can a red light pad sort it?", "acne isn't an infection though?"
        # read as the skin-infection rule (user study round 48, #8): acne is not on the list, and the source
        # does not cover it; a skin infection named keeps the rule
        from padsafety.recognition import recognise

        if not any(m.rule_id == "skin_infection_or_eczema" for m in recognise(text).affirmed()):
            return "ask_not_in_source"
    if intent in _HELPS_WITH and _is_topic(text, _SKIN_TOPICS):
        # "does it treat psoriasis yes or no" read as the chronic-disease question, "and does it even help
        # acne?" as the muscle one: the source covers no skin disease (user study round 9, #09, #39)
        return "ask_not_in_source"
    if (
        intent in ("report_red_flag", "mention_condition")
        and _is_topic(text, frozenset({"healed_fracture"}))
        and not _red_flag_named(text)
    ):
        # "I broke my wrist in 2015, healed fine. any issue using a pad there?" read as a red flag: the old
        # break's own answer (user study round 43, #27: "Thanks for telling me")
        return "ask_not_in_source"
    if intent == "request_human" and not _HUMAN_WORDS.search(text):
        # "do I need a prescription to get one?" read as a request for a person (0.51) once the training data
        # had "can I chat with an actual doctor": no person asked for, the topic's own answer (user study
        # round 43's NLU data)
        found = beyond_source_topic(text)
        if found is not None and found.id in {"regulation"} | _OWN_TOPICS | PRACTICAL_TOPICS:
            return "ask_not_in_source"
    if intent == "ask_followup" and not WHY_QUESTION.search(text):
        # "and cleaning it??" after the children's answer: a practical question of its own, not "why?"
        found = beyond_source_topic(text)
        own = found is not None and found.id in PRACTICAL_TOPICS | _OWN_TOPICS | _CHOICE_TOPICS
        return "ask_not_in_source" if own else None
    if intent in _KNOWLEDGE or intent in _GENERIC:
        # "does it blink or flicker when it's on?" read as the anti-ageing question: what the pad looks or
        # sounds like is a question of its own, whatever knowledge answer the classifier guessed; so is how
        # it works as a device ("is there an app that goes with it?" read as the photosensitivity question:
        # user study round 11, #36), when nothing medical is named
        found = beyond_source_topic(text)
        if found is not None and found.id in {"light_appearance"} | _OWN_TOPICS:
            return "ask_not_in_source"
        if found is not None and found.id in ("regulation", "tattoo"):
            # "is it a medical device, do i need a licence for my salon" read as the medical-substitute or
            # the implant question, "the ink in tattoos burns under these lights?" as the photosensitivity
            # one (user study round 35, #15, #41): the topic's answer,
            # when nothing medical is named
            from padsafety.recognition import recognise

            named = recognise(text)
            if not named.affirmed() and not named.red_flags:
                return "ask_not_in_source"
        if found is not None and found.id == "device_operation" and (intent or "").startswith("ask_avoid_"):
            from padsafety.recognition import recognise

            named = recognise(text)
            if not named.mentions and not named.red_flags:
                return "ask_not_in_source"
    if intent in ("goodbye", "thank", "greet") and "?" in text and _is_topic(text, PRACTICAL_TOPICS):
        # "some LEDs look dark/off, broken?" read as goodbye: a question about the device (round 7, #23)
        return "ask_not_in_source"
    if intent in _IMPLANT_LOOKALIKES:
        # "the metal in my knee, is that a problem like a pacemaker?", "knee replacement, scar healed, can it
        # help the stiffness? there's metal in there": the electronic-device rule's answer, the wound or the
        # joint answer say nothing of a metal implant, the question a careful reply starts from (round 6, #30)
        found = beyond_source_topic(text)
        if found is not None and found.id in ("metal_implant", "implant_elsewhere", "worn_device"):
            return "ask_not_in_source"
        if intent == "ask_avoid_implanted_device":
            return None
    if intent in ("ask_usage_safety", "ask_not_in_source"):
        # both are answered by topic: a specific topic confirms the guess, so a near tie between the two
        # ("what wavelength should I look for?") is not read as "I didn't understand"
        found = beyond_source_topic(text)
        return intent if found is not None and found.id in STRONG_TOPICS else None
    if intent in _KNOWLEDGE and intent not in ("ask_usage_safety", "ask_not_in_source") and (
        _PRECISE_CARE.search(text) or _EVERY_DAY_USE.search(text)
        or (intent != "ask_avoid_photosensitivity" and _EYES_OR_SLEEP.search(text))
    ):
        # "could I just doze off with it strapped to my legs?", "does the pad get warm?": how to use it
        # safely, whatever the classifier made of the rest (both intents are answered by topic)
        return "ask_not_in_source"
    if intent == "ask_benefit_wound_healing" and _SCAR_TO_FADE.search(text) and not _HEAL_ASKED.search(
        text
    ) and _is_topic(text, frozenset({"scars"})):
        return "ask_not_in_source"
    if intent == "ask_benefit_wound_healing" and not _WOUND_WORDS.search(text):
        # "does it at least do anything for scars?": the source's wound statement is not about scars,
        # but an operation's scar healing is its "slow-healing superficial wounds after surgery"
        found = beyond_source_topic(text)
        if found is not None and found.id in ("scars", "acne", "tattoo"):
            return "ask_not_in_source"
    if intent in _SAFETY | {"request_screening"} and _is_topic(text, _CARE_TOPICS | PRACTICAL_TOPICS):
        # "can my partner and i share one pad" read as a warning sign (0.77), "is it ok for two people to use
        # the same pad" as a request for the check: a practical question when the recogniser finds no
        # condition or warning sign in it (user study round 7, #54); a condition keeps its intent
        from padsafety.recognition import recognise

        named = recognise(text)
        asks_check = bool(_CHECK_WORDS.search(text))
        # (a condition denied is none: "but no swelling. I fit use am every day?", user study round 48, #34)
        if not named.affirmed() and not named.red_flags and (intent != "request_screening" or not asks_check):
            return "ask_not_in_source"
    if intent == "ask_limitation_anti_aging" and _ACNE_WORDS.search(text):
        # "spots as in pimples. acne" read as the anti-aging question (dark spots): acne is a topic of its
        # own (user study round 12, #36)
        return "ask_not_in_source"
    if (
        intent == "ask_avoid_children" and _OWN_CHILDHOOD.search(text)
        and not re.search(r"\b(my|our|his|her) (son|daughter|kids?|child|children|boy|girl|baby|toddler)\b",
                          text, re.IGNORECASE)
    ):
        # "broke my arm as a kid, is the pad ok for my back": the user's own childhood, no child to ask
        # about (user study round 20 follow-up: got the children's answer)
        return "ask_usage_safety"
    if intent == "ask_avoid_children" and _THING_AGE.search(text):
        # "its a 3 year old tattoo. so i can just use it normally then?": a thing's age, no child (user study
        # round 16, #12: got the children's answer); the topic named answers it
        return "ask_not_in_source"
    if intent in _KNOWLEDGE | _GENERIC | {"ask_purchase", "bot_challenge"} and not _PRICE_WORDS.search(text):
        found = beyond_source_topic(text)
        if found is not None and found.id in _BESIDE_PURCHASE and (
            intent in ("ask_purchase", "bot_challenge") or not _names_anything(text)
        ):
            # ("do i need a prescription for one?" read as the not-a-substitute question too)
            return "ask_not_in_source"
    if intent == "ask_purchase" and _asks_device_safety(text):
        # "half the leds stopped lighting up, is it broken?" read as a refund: a question about the device
        # (user study round 14, #17), unless money is named
        return "ask_not_in_source"
    if (
        intent in _KNOWLEDGE | _GENERIC | {"ask_purchase"}
        and _is_topic(text, _CHOICE_TOPICS) and _QUALITY.search(text)
    ):
        # "is a cheap pad weaker than an expensive one?": what makes a pad good (user study round 23, #33)
        return "ask_not_in_source"
    short_guesses = (_GENERIC - _SAFETY) | {"ask_who_should_avoid", "ask_limitations"}
    if len(text.split()) <= 4 and intent in short_guesses:
        # "ok. side effects?" read as who should avoid it (0.88; user study round 47, #26): in a message of a
        # few words, a topic's word is all there is to go by
        short = beyond_source_topic(text)
        if short is not None and short.id in STRONG_TOPICS:
            return intent if intent in ("ask_usage_safety", "ask_not_in_source") else "ask_not_in_source"
    # "can me and my partner share one pad?" read as a purchase question: a care topic decides
    care = intent == "ask_purchase" and confidence >= 0.4
    if intent not in _GENERIC and confidence >= 0.4 and not care:
        return None
    if intent == "ask_avoid_skin_conditions" and confidence >= 0.4:
        return None  # "can it go over inflamed acne": the skin rule's answer
    if intent == "report_red_flag":
        from padsafety.recognition import recognise

        if recognise(text).red_flags:
            return None  # "a nasty burn where the pad was": the emergency, not the skin-reaction topic
    topic = beyond_source_topic(text)
    # a stated condition keeps its intent unless it is one of the skin or mood topics ("I get acne")
    allowed = _CONDITION_TOPICS if intent in ("mention_condition", "report_red_flag") else STRONG_TOPICS
    if topic is None or topic.id not in allowed or (care and topic.id not in _CARE_TOPICS):
        return None
    if topic.id == "mood_sleep" and intent in ("mention_condition", "report_red_flag"):
        from padsafety.recognition import recognise

        if any(m.rule_id == "photosensitising_medication" for m in recognise(text).affirmed()):
            # "I take St John's wort for my mood, is the pad ok with that?": the medicine is the question, not
            # the mood (user study round 46, #69: the mood answer twice)
            return None
    if topic.id == "heat" and _WARM_BODY.search(text):
        # "my cut is red and puffy and warm now": a sign of infection, not a question about the pad's heat
        return None
    # both intents are answered by topic (action_answer_beyond_source): an unsure one is confirmed
    return intent if intent in ("ask_usage_safety", "ask_not_in_source") else "ask_not_in_source"


# Intents about whom the pad is for that the classifier sometimes guesses from the sentence's shape
# alone ("is it safe for my mum? she's 68" read as a question about children, "break a leg sis! would it
# help her legs?" as one about a pet): without one of these words the guess is not taken.
_BRAND_NEW = _p(r"\bbrand[\s-]+new\b")
# "Delete wetin?", "delete what??": the user asks what the deletion prompt is about (user study round 47, #66)
_DELETE_WHAT = _p(r"^\W*(delete|deleting|remove|erase)\s+(what|wetin|wat|wot|whit|which|what now)\b")

# "forget it", "never mind, forget about it": a question given up; deleting needs a word of deleting or data
_FORGET_IT = _p(r"\bforget (it|about it)\b|\bforget this\s*[.!]*$")
_DELETION_WORDS = _p(
    r"\b(delet\w*|eras\w*|remov\w*|wip\w*|clear\w*|purge|destroy\w*|data|info\w*|details|record\w*|history|"
    r"conversations?|chats?|messages?|privacy|gdpr|personal|everything|all of it|the lot)\b"
)

_NEEDS_CUE = {
    "ask_pet": ANIMAL,
    # "My grandma 82 her knee pain, can she use red light pad?" read as the wound answer (0.56; user study
    # round 47, #50): the wound answer needs a word of skin, a wound or healing
    "ask_benefit_wound_healing": _p(
        r"\b(wounds?|cuts?|grazes?|grazed|scrapes?|scraped|scars?|scarring|heal\w*|abrasions?|incisions?|"
        r"stitch\w*|sutures?|ulcers?|burns?|burnt|skin|injur\w*|bruis\w*|blisters?|surgery|surgical|"
        r"operation|"
        r"op|c-?section|caesarean|cesarean|tattoos?|sores?|scabs?|scabbing|tissue|repair\w*|recover\w*|"
        r"collagen|fibroblasts?|bites?|lacerations?|sprain\w*|strain\w*|tears?|torn|pulled|bumps?|knocks?|"
        r"fractur\w*|broken|break|bone)\b"
    ),
    # "All these red light things wey dem dey advertise for Instagram, say e dey cure everything" read as a
    # deletion request (0.75; user study round 47, #66): deleting needs a word of deleting or of data
    "request_forget": _p(
        r"\b(delet\w*|eras\w*|remov\w*|wip\w*|clear\w*|forget\w*|forgot|bin|scrap|purge|destroy\w*|data|"
        r"info\w*|details|stor\w*|sav\w*|keep\w*|kept|record\w*|history|conversations?|chats?|messages?|"
        r"privacy|gdpr|personal|traces?|rid|shred\w*|scrub\w*|nuke|trash|ditch|undo|cancel|withdraw\w*)\b"
    ),
    # "so the gym is ripping people off?" read as goodbye (0.37; user study round 17, #22): a question taken
    # as a goodbye needs a goodbye word (goodbyes without a question mark are too varied to list)
    "goodbye": _p(
        r"^[^?]*$|\b(bye+|byee*|goodbye|good bye|cya|see (ya|you|u)|later|laters|ttyl|gtg|"
        # ("so i must go to docter?" asks whether to see a doctor: user study round 25, #15, "Goodbye")
        r"(have to|must|got to|gotta) go(?!\s+(to|and|see|for|back)\b)|i'?m off|im off|off now|leaving|"
        r"good ?night|nite|take care|cheers|ciao|adios|"
        r"farewell|that'?s (all|it)|thats (all|it)|done|finished|enough|all good|i'?m good|im good|no more|"
        r"nothing else|"
        r"signing off|over and out|peace|ta ta|tata|ok thanks|thanks|thank you|thx|ty)\b"
    ),
    # "its mild and under control with meds" after lupus's verdict read as the pacemaker question (user study
    # round 11, #24): the device rule's answer needs a word of its topic
    "ask_avoid_implanted_device": _p(
        r"\b(pacem\w*|implant\w*|devices?|defib\w*|icds?|pumps?|stimulator\w*|electronic\w*|cochlear|"
        r"hearing|cgm|sensors?|monitors?|chips?|stents?|valves?|metal|wires?|leads?|batter\w*|magnet\w*|"
        r"interfer\w*|neuro\w*|dbs|tens|loop recorder|port|replacement|replaced|iud|coil|plates?|screws?|"
        r"rods?|pins?|titanium|steel|heart)\b"
    ),
    # "is this the same thing as a tanning bed?", "and my feet? same thing?" read as a complaint: the
    # apology needs a word of frustration or disappointment (user study round 9, #37, #30)
    "express_frustration": _p(
        r"\b(useless|ridiculous|frustrat\w*|(?<!just )(?<!bit )(?<!kinda )(?<!mildly )(?<!slightly )annoy\w*|"
        r"waste\w*|wasted|pointless|rip[- ]?off|ripped off|"
        r"scam\w*|"
        r"disappoint\w*|stupid|fed up|joke|angry|mad|furious|upset|hate|sucks?|rubbish|garbage|terrible|"
        r"hopeless|straight answer|clear answer|a proper answer|"
        r"awful|worst|ugh+|not help\w*|unhelpful|no help|same answer|repeat\w*|didn'?t answer|"
        r"doesn'?t answer|"
        r"does nothing|did nothing|did absolutely nothing|nothing for me|not working|doesn'?t work|"
        r"didn'?t work|never works?|wtf|ffs|seriously|come on|refund|money back|complain\w*)\b"
    ),
    # "I'm taking doxycycline for a few weeks, can I still use my red light pad" got "do not stop or change
    # any treatment because of a pad" after the medicine's verdict (user study round 49, #11): the substitute
    # answer needs a word of replacing, stopping or treatment (every training example of it has one)
    "ask_limitation_medical_substitute": _p(
        r"\b(replac\w*|instead|substitut\w*|alternatives?|stop\w*|quit\w*|come off|coming off|skip\w*|"
        r"ditch\w*|"
        r"drop\w*|swap\w*|rather than|no longer|without|cur(e|es|ed|ing)|treat\w*|on its own|alone|enough|"
        r"medic\w*|meds|pills?|tablets?|surgery|operation|physio\w*|doctors?|gp|drugs?|prescri\w*|insulin|"
        r"injections?|supplement\w*|chemo|inhaler|antibiotics?|painkillers?|ibuprofen|paracetamol|steroids?|"
        r"need (a|my|the|to see))\b"
    ),
    # "could it fix my slipped disc tho? doc said L4/L5" read as the fat-loss question (user study round 5)
    "ask_limitation_weight_loss": _p(
        r"\b(weight|fat|fats|fatty|slim\w*|los(e|es|ing)|lost|loss|kilos?|kgs?|lbs?|pounds?|belly|tummy|"
        r"stomach|waist\w*|thighs?|hips?|bum|butt|arms?|chins?|cellulite|burn\w*|diet\w*|obes\w*|"
        r"overweight|inches|bmi|body (shape|contour\w*)|contour\w*|sculpt\w*|ton(e|ing)|metabolism|"
        r"love handles|muffin top|calories?|shed\w*|skinn\w*|thin\w*|size|shape|lipo\w*|lipolysis)\b"
    ),
    "ask_avoid_children": _p(
        r"\b(child(ren)?|kids?|kiddos?|sons?|daughters?|bab(y|ies)|toddlers?|teens?|teenagers?|boys?|girls?|"
        r"infants?|newborns?|grand(child(ren)?|sons?|daughters?|kids?)|nieces?|nephews?|minors?|youngsters?|"
        r"little ones?|juniors?|step ?(son|daughter|kids?)|under[ -]?\d+s?|"
        # an age under 18 ("she is 7 years old"; "she have 80 year" is no child: user study round 11, #17)
        r"(1[0-7]|[1-9]) ?(years?|yrs?|y/?o|yo)( old)?|"
        r"school|pupils?|paediatric|pediatric)\b"
    ),
}


# stopping the pad, not a treatment
_STOP_THE_PAD = _p(
    r"\b(stop|quit|pause)\s+(using\s+)?(it|the pad|the light|this|the red light|the mask|the wrap|using)\b|"
    r"\b(keep|carry on|continue)\s+(using\s+)?(it|the pad|the light|this)\b"
)


# "it's 5 years old" about a tattoo, a pad or a scar: a thing's age, no child (user study round 12, #41)
_OWN_CHILDHOOD = _p(
    r"\b(as an? (kid|child|teen\w*|youngster)|when i was (a |an )?(kid|child|little|young|small|\d+|teen\w*|"
    r"baby))\b"
)
_THING_AGE = _p(
    r"\b(it'?s|it is|its|that'?s|that is|which is|(the|my|this|that) (tattoo|tat|ink|scar|pad|device|injury|"
    r"wound|cut|burn|break|fracture|implant|pacemaker|stent|surgery|op|operation|lamp|panel|mask|one))\s+"
    r"(is\s+)?(about |like |almost |nearly |over |only |already |just )?\w+[ -](years?|yrs?|months?)[ -]old"
    r"\b|"
    # "its a 3 year old tattoo" (user study round 16, #12: got the children's answer, then "a child")
    r"\b\w+[ -](years?|yrs?|months?)[ -]old\s+(tattoo|tat|ink|scar|pad|device|injury|wound|cut|burn|break|"
    r"fracture|implant|pacemaker|stent|surgery|op|operation|lamp|panel|mask|piercing|one)\b"
)


# "for my sholder pain, it is good for this?"
_SCEPTIC = _p(
    # ("are they worth it or is it all hype?", "what CAN'T they do?" beside "cost an arm and a leg": user
    # study round 44, #36, #52)
    # ("my mate reckons I've got rocks in my head spending money on it": user study round 45, #61)
    r"\brocks in (my|his|her|your) head\b|\bwaste of (money|cash|time)\b|\bthrowing (my |good )?money away\b|"
    r"\b(mad|crazy|nuts|bonkers|daft|stupid) (to|for) (buy|spend|get|buying|spending|getting)\b|"
    r"\blost the plot\b|"
    r"\b(hype|hyped|overhyped|worth it|too good to be true|promise the (moon|earth|world)|is (any|all) of "
    r"(that|this|it) true|what can'?t (they|it|these|the pads) do)\b|"
    r"\b(evidence|proof|proven|research|studies|scientific|science|legit|scam|snake oil|pseudo ?science|"
    r"gimmick|placebo|(expensive|overpriced|fancy|glorified|pricey) (lamp|torch|light ?bulb|night ?light|"
    r"heat pad))\b"
)
# what a purchase question asks for: a price, a shop, an order
_BUYING_ASKED = _p(
    r"\b(how much|price of|prices|cost of|what does it cost|where (can|do|should) i (buy|get|order)|discount|"
    r"coupon|refund|return|shipping|deliver|delivery|order number|warranty|in stock|sale)\b"
)
# a person to talk to: "a human", "someone", "a nurse I can chat to", "speak to a doctor"
_HUMAN_WORDS = _p(
    r"\b(human|person|people|someone|somebody|anyone|anybody|agent|staff|team|operator|nurse|real doctor|"
    r"actual doctor|advisor|adviser|customer (service|care|support)|support|helpline)\b|"
    r"\b(talk|speak|chat|call|ring|phone|email|contact|message|write)\b"
)
_BODY_SKIN = _p(
    rf"\b{_BODY}\s+(acne|spots|pimples|zits|breakouts?|rash|rashes|skin|scars?|hair|tattoos?|moles?|wrinkles|"
    r"cellulite|stretch marks|eczema|psoriasis|blemishes|bacne|freckles|sun ?spots)\b"
)
_BODY_PAIN_HELP = _p(
    rf"\b{_BODY}\s+(pain|ache|aches|soreness|stiffness)\b[^?]{{0,40}}\b(good|help\w*|work\w*)\b"
)
# "is a cheap pad weaker than an expensive one?": how good a pad is, not what it costs (user study round 23,
# #27, #33: "I can't help with prices" twice)
_QUALITY = _p(
    r"\b(weaker|stronger|worse|better|any good|as good|work as well|quality|(more|less) (powerful|effective)|"
    r"do (less|more)|difference|"
    r"same (effect|results?)|do (they|the cheap ones) (even )?work)\b"
)
_PRICE_WORDS = _p(
    r"\b(price\w*|cost\w*|how much|cheap\w*|expensive|afford\w*|discount\w*|refund\w*|shipping|deliver\w*|"
    r"warranty|return\w*|order\w*|money back|where (can|do|to) (i )?(buy|get|order))\b"
)


# "is that normal or is it broken?", "can i keep using it with half the lights dead?": whether a faulty pad
# is safe or normal, not where to send it back
_DEVICE_SAFETY = _p(
    r"\b(safe|unsafe|normal|dangerous|danger|keep using|still use|still using|ok to use|okay to use|"
    r"is that ok|supposed to)\b"
)


def _asks_device_safety(text: str) -> bool:
    """Whether the message asks if a pad's state is normal or safe (the device topic's answer), with no money
    named."""
    asks = _is_topic(text, PRACTICAL_TOPICS) and bool(_DEVICE_SAFETY.search(text))
    return asks and not _PRICE_WORDS.search(text)


def _asks_help_for_body(text: str) -> bool:
    """Whether the message asks if the pad helps a body part (the muscle and joint hint's cue)."""
    if any(hint.intent == "ask_benefit_muscle_joint" and hint.pattern.search(text) for hint in HINTS):
        return True
    return bool(_BODY_PAIN_HELP.search(text))


def needs_cue(intent: Optional[str], text: Optional[str]) -> bool:
    """Whether the classifier's ``intent`` lacks the word it needs in ``text`` (then it is not taken)."""
    if intent == "ask_avoid_children" and text:
        text = _THING_AGE.sub(" ", text)
    if intent == "ask_purchase" and text and _asks_help_for_body(text):
        # "i want buy red ligt pad for my sholder pain, it is good for this?": whether it helps, not a
        # purchase (user study round 13, #11), unless a price word is in it too
        return not _PRICE_WORDS.search(without_dismissed(text))
    if intent == "ask_purchase" and text and _DISMISSED.search(text):
        # "I wasn't asking about price. tired achy legs, would it help?": only a purchase word left counts
        return not any(hint.intent == "ask_purchase" and hint.pattern.search(without_dismissed(text))
                       for hint in HINTS)
    if intent == "ask_purchase" and text and _BRAND_NEW.search(text) and not any(
        hint.intent == "ask_purchase" and hint.pattern.search(_BRAND_NEW.sub(" ", text)) for hint in HINTS
    ):
        # "what about a brand new one, like 3 days old?" about a tattoo (user study round 47, #12): "brand
        # new" is no brand; a purchase needs another word of buying
        return True
    if intent == "request_forget" and text and _DELETE_WHAT.search(text):
        return True  # "Delete wetin? I dey ask if...": the deletion prompt asked back, not a request
    if intent == "request_forget" and text and _FORGET_IT.search(text) and not _DELETION_WORDS.search(text):
        return True  # "fine. forget it then": giving up on a question, not a deletion (round 48, #21)
    pattern = _NEEDS_CUE.get(intent or "")
    # (a topic set aside is no cue: "forget fat. wat else does it do?" is not the fat question)
    return bool(pattern and text and not text.startswith("/") and not pattern.search(without_dismissed(text)))

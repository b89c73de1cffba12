"""Words every view and export shares: the caution, the credit and the session guidance."""

#: The one caution: every view that shows training carries it, word for word.
CAUTION = (
    "Training information, not a diagnosis: if you have pain, numbness or a recent "
    "injury, see a clinician (a physiotherapist or sports doctor) before you start, "
    "and stop a move whose pain goes above 5 out of 10."
)
#: The credit to the source: the article, its medical reviewer and the two trainers it quotes.
CREDIT = (
    "Moves and programme rules from a Runner's World article on gluteus medius "
    "exercises for runners, medically reviewed by John Vasudevan, M.D., which quotes "
    "two trainers, Alison Marie Helms, Ph.D., and McCall. glutemed restates the "
    "article's facts in its own words. The article was medically reviewed; "
    "glutemed's own rules and additions (spacing, progression, pain rules, taper, "
    "guidance, other forms) are its own and were not."
)
#: Who should ask a clinician first: the same words in the README, ``show`` and the
#: first page of the sheets (glutemed's, not the source's).
BEFORE_TITLE = "Before you start (glutemed's advice, not the source's)"
BEFORE: tuple[str, ...] = (
    "Ask a clinician first after a recent injury or operation on the hip, knee or back, "
    "with hip-replacement precautions, in pregnancy, or if your balance is unsure "
    "(the box and single-leg moves ask for it).",
    "Pain on the outside of the hip can come from a tendon that some of these "
    "positions press on: have it assessed before you train through it.",
    "Coming back from an injury: get the all-clear first, start with the easier "
    "forms, and log your pain so the plan can ease off.",
)
#: What the sessions are: an add-on, as the source asks, not all a runner's strength work.
ADD_ON = (
    "These sessions add to your strength routine, as the source asks; they are not all "
    "the strength work a runner needs."
)
#: How to work in a session: glutemed's general guidance, not the source's (which
#: gives no warm-up, effort, rest or pain advice). The rest matches the minutes
#: estimate's 60 seconds (``rules.REST_SECONDS``), the short end of the range.
GUIDANCE_TITLE = "Every session (glutemed's general guidance, not the source's)"
GUIDANCE: tuple[str, ...] = (
    "Warm up for about five minutes first: easy movement, then a few light reps of the first move.",
    "Choose a load that leaves about two or three reps in reserve at the end of "
    "each set. Never take a set to failure, and do no strength work before a hard "
    "run on the same day: train after it.",
    "Rest 60 to 90 seconds between sets (the minutes estimate counts 60).",
    "Pain, scored 0 to 10 (log it: glutemed's progression listens): up to 3 is "
    "acceptable and the work goes on; 4 or 5, or a morning after that feels worse "
    "than the session, holds the move; above 5, or rising session after session, "
    "steps it down. Muscle soreness a day or two after new work is expected and "
    "fades; pain in a joint or tendon is not. See a clinician if pain stays above 3 "
    "for a week, or with swelling, numbness, the leg giving way, or pain at night.",
)
#: The guidance in one line, for a place with room for one.
GUIDANCE_LINE = (
    "Warm up 5 minutes, keep 2-3 reps in reserve, rest 60-90 s; log your pain: "
    "above 3/10 holds a move, above 5 steps it down."
)

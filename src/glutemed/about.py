"""Words every view and export shares: the caution and the credit to the source."""

CAUTION = (
    "Training information, not a diagnosis: if you have pain, numbness or a recent "
    "injury, see a clinician before you start."
)
CREDIT = (
    "Exercises and programme from a Runner's World article on gluteus medius exercises "
    "for runners, medically reviewed by John Vasudevan, M.D., with coach Alison Marie "
    "Helms, Ph.D.; restated in glutemed's own words."
)
NOTHING_LOGGED = "nothing logged yet: start with a load you can lift for every set"

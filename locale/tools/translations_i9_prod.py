"""English and Dutch translations of the msgids added for issue 9 (production hardening).
Same shape and style as translations.py (read its docstring)."""

# ruff: noqa: E501 (a msgid stays on one line, so it can be found with grep)

T = {
    "Cette image est trop grande : %(max)s mégapixels au plus. Réduisez ses dimensions (par exemple à 2000 × 2000 pixels), puis envoyez-la à nouveau.": (
        "This image is too large: %(max)s megapixels at most. Please reduce its dimensions (for example to 2000 × 2000 pixels), then send it again.",
        "Deze afbeelding is te groot: hoogstens %(max)s megapixels. Verklein ze (bijvoorbeeld tot 2000 × 2000 pixels) en stuur ze opnieuw.",
    ),
}

T.update(
    {
        "Votre nom contient un caractère invisible de mise en forme : retirez-le.": (
            "Your name contains an invisible formatting character: please remove it.",
            "Je naam bevat een onzichtbaar opmaakteken: verwijder het.",
        ),
        "Quelqu'un, sans doute vous, a donné cette adresse e-mail pour créer un compte sur %(site_domain)s.": (
            "Someone, probably you, gave this email address to create an account on %(site_domain)s.",
            "Iemand, waarschijnlijk jij, heeft dit e-mailadres opgegeven om een account aan te maken op %(site_domain)s.",
        ),
        "Votre code de vérification est ci-dessous : saisissez-le dans la fenêtre de votre navigateur.": (
            "Your verification code is below: enter it in your browser window.",
            "Je verificatiecode staat hieronder: vul hem in in het venster van je browser.",
        ),
        "Pour confirmer que cette adresse est bien la vôtre, ouvrez ce lien : %(activate_url)s": (
            "To confirm that this address is yours, open this link: %(activate_url)s",
            "Open deze link om te bevestigen dat dit adres van jou is: %(activate_url)s",
        ),
        "Si vous n'avez rien demandé, ignorez ce message : aucun compte ne sera ouvert avec cette adresse.": (
            "If you did not ask for anything, ignore this message: no account will be opened with this address.",
            "Heb je niets gevraagd? Negeer dan dit bericht: er wordt geen account geopend met dit adres.",
        ),
    }
)

T.update(
    {
        "Menu": ("Menu", "Menu"),
        "Fermer le menu": ("Close the menu", "Menu sluiten"),
    }
)

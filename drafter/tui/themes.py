"""The TUI's two looks: Textual's dark one, and a light, high-contrast one for office screens
(black on white, dark blue accents, strong red and brown for errors and warnings)."""

from __future__ import annotations

from textual.theme import Theme

DARK = "textual-dark"
LIGHT = "drafter-sang"
THEMES = {DARK: "Giao diện tối", LIGHT: "Giao diện sáng, tương phản cao"}

LIGHT_THEME = Theme(
    name=LIGHT,
    primary="#0B3D91",
    secondary="#1F4E9E",
    accent="#0B3D91",
    warning="#8A4B00",
    error="#B00020",
    success="#1B5E20",
    foreground="#000000",
    background="#FFFFFF",
    surface="#EEF1F6",
    panel="#D5DCE8",
    boost="#DCE4F2",
    dark=False,
    variables={
        "text-muted": "#333333",
        "text-disabled": "#5A5A5A",
        "border-blurred": "#5A5A5A",
        "input-cursor-background": "#000000",
        "input-cursor-foreground": "#FFFFFF",
        "input-selection-background": "#0B3D91 40%",
        "footer-background": "#DDE3EE",
        "footer-key-foreground": "#0B3D91",
        "footer-description-foreground": "#000000",
        "block-cursor-background": "#0B3D91",
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-blurred-background": "#C9D3E6",
        "block-cursor-blurred-foreground": "#000000",
        "scrollbar": "#8899BB",
    },
)

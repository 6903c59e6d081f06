// The mark of a text that people read: the key it has in the message catalogue.
#pragma once

/// An English message whose Chinese is in the catalogue (src/render/messages.inc), as gettext's
/// N_(): it is the literal itself, so a message composed with it reads the same in both
/// languages until it leaves (a cached Problem must), and is translated there. The mark lets
/// tests/tools/i18n-keys.py find every key in the sources and check that the catalogue has it.
#define N_(english) english

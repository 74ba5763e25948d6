#pragma once

// A static library between tst_resources and slidesight_resources, linked the way the GUI
// executable reaches the resources through the app library. Thread-safe.

/// True when ":/icons/slidesight.svg" is visible from code inside the intermediate library.
bool resourceConsumerSeesIcon();

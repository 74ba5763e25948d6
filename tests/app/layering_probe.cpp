// Never built by default: tst_layering builds it and expects the build to refuse it. A GUI
// translation unit (this one links slidesight_app, as the viewer does) that includes a
// Torch-side header of the model library must not compile.

#include "model/nets/resnet_torch.h"

int main() { return 0; }

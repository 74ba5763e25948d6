#pragma once
// Included first by every Torch-side header of the model library. Those headers are named
// *_torch.h: they expose Torch types, and only the model library and the tests that link
// SlideSight::model_torch may include them. The application and the command line talk to the
// model through the Torch-free headers (analysis.h, extraction.h, training.h, bundle.h, ...), so
// that no GUI or CLI translation unit pulls in LibTorch; the build refuses one that tries.
#ifndef SLIDESIGHT_MODEL_TORCH_SIDE
#error "This is a Torch-side header of the model library (*_torch.h): include a Torch-free header instead, or link SlideSight::model_torch"
#endif

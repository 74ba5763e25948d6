"""Writes torchvision fixtures for tst_resnet (run by the test when Python has torch and
torchvision; nothing here is committed output).

usage: write_torchvision_fixture.py OUT_DIR ARCH

OUT_DIR/weights.pth     torch.save(model.state_dict()) of a seeded torchvision ARCH whose
                        batch-norm statistics and affine parameters are randomised too, so that
                        every tensor kind is exercised
OUT_DIR/keys.txt        the state-dict keys and shapes, "name d0,d1,..." per line, in order
OUT_DIR/io.pt           {"input": [2,3,224,224], "features": [2,512]}: torchvision's forward up
                        to global average pooling (fc replaced by Identity), in eval mode
OUT_DIR/trunk.ts        the same trunk traced to TorchScript
"""
import os
import sys

import torch
import torchvision

out_dir, arch = sys.argv[1], sys.argv[2]
torch.manual_seed(1234)
model = getattr(torchvision.models, arch)(weights=None)
with torch.no_grad():
    for module in model.modules():
        if isinstance(module, torch.nn.BatchNorm2d):
            module.weight.uniform_(0.5, 1.5)
            module.bias.uniform_(-0.2, 0.2)
            module.running_mean.uniform_(-0.1, 0.1)
            module.running_var.uniform_(0.5, 2.0)
            module.num_batches_tracked.fill_(17)
model.eval()
torch.save(model.state_dict(), os.path.join(out_dir, "weights.pth"))
with open(os.path.join(out_dir, "keys.txt"), "w") as keys:
    for name, tensor in model.state_dict().items():
        keys.write("%s %s\n" % (name, ",".join(str(d) for d in tensor.shape)))

model.fc = torch.nn.Identity()
x = torch.randn(2, 3, 224, 224)
with torch.no_grad():
    features = model(x)
torch.save({"input": x, "features": features}, os.path.join(out_dir, "io.pt"))
torch.jit.trace(model, x).save(os.path.join(out_dir, "trunk.ts"))

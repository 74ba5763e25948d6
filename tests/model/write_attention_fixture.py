"""Writes the attention-classifier fixture for tst_attentionclassifier and tst_gradcam (run by
the tests when Python has torch; nothing here is committed output).

usage: write_attention_fixture.py OUT_DIR

The classifier is re-implemented here from the spec's equations, independently of the C++
code (explicit 3x3 windows for the pools, no max-pool tricks), in float64:
  G' = conv2d(G masked, n x n, padding n/2); Mp / mp = max / min over each cell's valid 3x3
  neighbours; A = softmax over the valid cells per channel (eq. 1); v = einsum("bhmn,bkmn->bhk")
  (eq. 2); ReLU; logits = fc(cat(v_max, v_min)) with input index s*H*K + h*K + k.

OUT_DIR/weights.pt  a state dict: conv.weight [H,K,n,n], conv.bias [H], fc.weight [C,2HK], fc.bias [C]
OUT_DIR/io.pt       {"grid" [B,K,M,N] (padding cells hold 1e6), "mask" [B,M,N] bool, "logits",
                    "attention_max", "attention_min", and for class 2: "gradient_gprime" (dy/dG'),
                    "alpha_gprime" (zero up to rounding), "gradcam_grid" and "alpha_grid"}
"""
import os
import sys

import torch
import torch.nn.functional as F

out_dir = sys.argv[1]
torch.manual_seed(2024)
K, H, n, C = 16, 4, 3, 3
B, M, N = 2, 5, 6
state = {
    "conv.weight": torch.randn(H, K, n, n, dtype=torch.float64) * 0.2,
    "conv.bias": torch.randn(H, dtype=torch.float64) * 0.1,
    "fc.weight": torch.randn(C, 2 * H * K, dtype=torch.float64) * 0.05,
    "fc.bias": torch.randn(C, dtype=torch.float64) * 0.1,
}
torch.save({k: v.float() for k, v in state.items()}, os.path.join(out_dir, "weights.pt"))
state = {k: v.float().double() for k, v in state.items()}  # exactly what C++ reads

grid = torch.rand(B, K, M, N, dtype=torch.float64)
mask = torch.ones(B, M, N, dtype=torch.bool)
mask[0, 2, 3] = False  # a background hole
mask[1, 3:, :] = False  # batch padding: the second grid is 3 x 4
mask[1, :, 4:] = False
grid = torch.where(mask[:, None], grid, torch.full_like(grid, 1e6))
grid = grid.float().double()


def pool(gp, kind):
    fill = float("-inf") if kind == "max" else float("inf")
    x = F.pad(gp.masked_fill(~mask[:, None], fill), (1, 1, 1, 1), value=fill)
    out = torch.empty_like(gp)
    for i in range(M):
        for j in range(N):
            window = x[:, :, i:i + 3, j:j + 3].reshape(B, H, 9)
            out[:, :, i, j] = window.max(2).values if kind == "max" else window.min(2).values
    return out


def head(gp, g):
    features = []
    attentions = []
    for kind in ("max", "min"):
        scores = pool(gp, kind).masked_fill(~mask[:, None], float("-inf"))
        a = torch.softmax(scores.reshape(B, H, M * N), 2).reshape(B, H, M, N)
        v = torch.relu(torch.einsum("bhmn,bkmn->bhk", a, g))
        features.append(v.reshape(B, H * K))
        attentions.append(a)
    return torch.cat(features, 1) @ state["fc.weight"].t() + state["fc.bias"], attentions


g = torch.where(mask[:, None], grid, torch.zeros_like(grid)).requires_grad_(True)
gp = F.conv2d(g, state["conv.weight"], state["conv.bias"], padding=n // 2)
logits, (a_max, a_min) = head(gp, g)
# Grad-CAM for class 2 on G' (its weights vanish: see GradCamTarget) and on the grid G.
grad_gp, grad_g = torch.autograd.grad(logits[:, 2].sum(), [gp, g])
valid = mask[:, None].double()


def cam(activation, gradient):
    alpha = (gradient * valid).sum((2, 3)) / valid.sum((2, 3))
    return torch.relu((alpha[:, :, None, None] * activation.detach()).sum(1)) * mask.double(), alpha


cam_gp, alpha_gp = cam(gp, grad_gp)
cam_g, alpha_g = cam(g, grad_g)
torch.save({"grid": grid.float(), "mask": mask, "logits": logits.detach(), "attention_max": a_max.detach(),
            "attention_min": a_min.detach(), "gradient_gprime": grad_gp * valid, "alpha_gprime": alpha_gp,
            "gradcam_grid": cam_g, "alpha_grid": alpha_g},
           os.path.join(out_dir, "io.pt"))

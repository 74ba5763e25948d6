#pragma once

// Small helpers shared by the model tests (Qt Test + LibTorch in one test translation unit,
// with QT_NO_KEYWORDS as everywhere).

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <torch/torch.h>

namespace slidesight::test {

/// "d0,d1,..." for a tensor's shape.
inline QString shapeText(const torch::Tensor& t) {
    QStringList dims;
    for (const auto d : t.sizes()) dims << QString::number(d);
    return dims.join(QLatin1Char(','));
}

inline int64_t parameterCount(const torch::nn::Module& module) {
    int64_t count = 0;
    for (const auto& p : module.parameters()) count += p.numel();
    return count;
}

/// The largest absolute difference, in double precision, of two tensors of the same shape.
inline double maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b) {
    return (a.to(torch::kDouble).cpu() - b.to(torch::kDouble).cpu()).abs().max().item<double>();
}

}  // namespace slidesight::test

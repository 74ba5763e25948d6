#include "model/attention/attentionkernels_torch.h"

#include <ATen/Dispatch.h>
#include <ATen/Parallel.h>
#include <torch/autograd.h>
#include <torch/torch.h>

#include <dlfcn.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace slidesight::model {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// ---- Masked 3 x 3 pooling ------------------------------------------------------------------

/// The chosen cell of a window as (row offset + 1) * 3 + (column offset + 1); kNoCell when
/// it is an invalid cell (it gets no gradient).
constexpr uint8_t kNoCell = 255;

template <typename T>
void poolForward(const T* x, const bool* valid, T* out, uint8_t* chosen, int64_t planes, int64_t hidden,
                 int64_t rows, int64_t columns, bool minimum) {
    const int64_t cells = rows * columns;
    at::parallel_for(0, planes, 1, [&](int64_t begin, int64_t end) {
        std::vector<T> plane(static_cast<size_t>(cells));  // sign * x, -inf on invalid cells
        const T sign = minimum ? T(-1) : T(1);
        for (int64_t p = begin; p < end; ++p) {
            const T* xp = x + p * cells;
            const bool* vp = valid + (p / hidden) * cells;
            for (int64_t c = 0; c < cells; ++c)
                plane[static_cast<size_t>(c)] = vp[c] ? sign * xp[c] : -std::numeric_limits<T>::infinity();
            T* op = out + p * cells;
            uint8_t* cp = chosen + p * cells;
            for (int64_t i = 0; i < rows; ++i) {
                const int64_t i0 = std::max<int64_t>(i - 1, 0), i1 = std::min<int64_t>(i + 1, rows - 1);
                for (int64_t j = 0; j < columns; ++j) {
                    const int64_t j0 = std::max<int64_t>(j - 1, 0), j1 = std::min<int64_t>(j + 1, columns - 1);
                    // max_pool2d's rule: start from -inf at the window's first cell, take a
                    // cell when strictly greater or NaN.
                    T best = -std::numeric_limits<T>::infinity();
                    int64_t bestCell = i0 * columns + j0;
                    for (int64_t r = i0; r <= i1; ++r)
                        for (int64_t s = j0; s <= j1; ++s) {
                            const T v = plane[static_cast<size_t>(r * columns + s)];
                            if (v > best || std::isnan(v)) {
                                best = v;
                                bestCell = r * columns + s;
                            }
                        }
                    op[i * columns + j] = sign * best;
                    const int64_t r = bestCell / columns, s = bestCell % columns;
                    cp[i * columns + j] = vp[bestCell] ? static_cast<uint8_t>((r - i + 1) * 3 + (s - j + 1)) : kNoCell;
                }
            }
        }
    });
}

template <typename T>
void poolBackward(const T* gradOut, const uint8_t* chosen, T* gradIn, int64_t planes, int64_t rows,
                  int64_t columns) {
    const int64_t cells = rows * columns;
    at::parallel_for(0, planes, 1, [&](int64_t begin, int64_t end) {
        for (int64_t p = begin; p < end; ++p) {
            const T* go = gradOut + p * cells;
            const uint8_t* cp = chosen + p * cells;
            T* gi = gradIn + p * cells;
            for (int64_t i = 0; i < rows; ++i)
                for (int64_t j = 0; j < columns; ++j) {
                    const uint8_t code = cp[i * columns + j];
                    if (code != kNoCell) gi[(i + code / 3 - 1) * columns + (j + code % 3 - 1)] += go[i * columns + j];
                }
        }
    });
}

class MaskedPoolFunction : public torch::autograd::Function<MaskedPoolFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x, const torch::Tensor& valid,
                                 bool minimum) {
        const torch::Tensor input = x.contiguous();
        const torch::Tensor mask = valid.to(torch::kBool).contiguous();
        torch::Tensor out = torch::empty_like(input, torch::MemoryFormat::Contiguous);
        torch::Tensor chosen = torch::empty(input.sizes(), input.options().dtype(torch::kUInt8));
        const int64_t hidden = input.size(1), rows = input.size(2), columns = input.size(3);
        AT_DISPATCH_FLOATING_TYPES(input.scalar_type(), "maskedPool3x3", [&] {
            poolForward<scalar_t>(input.data_ptr<scalar_t>(), mask.data_ptr<bool>(), out.data_ptr<scalar_t>(),
                                  chosen.data_ptr<uint8_t>(), input.size(0) * hidden, hidden, rows, columns, minimum);
        });
        ctx->save_for_backward({chosen});
        ctx->saved_data["channelsLast"] = !x.is_contiguous() && x.is_contiguous(torch::MemoryFormat::ChannelsLast);
        return out;
    }

    static variable_list backward(AutogradContext* ctx, variable_list grads) {
        const torch::Tensor chosen = ctx->get_saved_variables()[0];
        const torch::Tensor gradOut = grads[0].contiguous();
        torch::Tensor gradIn = torch::zeros_like(gradOut, torch::MemoryFormat::Contiguous);
        AT_DISPATCH_FLOATING_TYPES(gradOut.scalar_type(), "maskedPool3x3Backward", [&] {
            poolBackward<scalar_t>(gradOut.data_ptr<scalar_t>(), chosen.data_ptr<uint8_t>(),
                                   gradIn.data_ptr<scalar_t>(), gradOut.size(0) * gradOut.size(1), gradOut.size(2),
                                   gradOut.size(3));
        });
        // The gradient in the layout of the input: G' from oneDNN's 3DCL is channels-last, and
        // its weight gradient is both faster and closer to exact with a channels-last dG'.
        if (ctx->saved_data["channelsLast"].toBool()) gradIn = gradIn.contiguous(torch::MemoryFormat::ChannelsLast);
        return {gradIn, torch::Tensor(), torch::Tensor()};
    }
};

// ---- Eq. (2) through oneDNN's sgemm ---------------------------------------------------------

/// dnnl_sgemm of oneDNN's C API: row-major C = alpha op(A) op(B) + beta C; 0 on success.
using Sgemm = int (*)(char, char, int64_t, int64_t, int64_t, float, const float*, int64_t, const float*, int64_t,
                      float, float*, int64_t);

Sgemm oneDnnSgemm() {
    // LibTorch links oneDNN as a shared library; its symbols are in the process's global scope.
    static const Sgemm function = reinterpret_cast<Sgemm>(dlsym(RTLD_DEFAULT, "dnnl_sgemm"));
    return function;
}

/// C = op(A) op(B) for each grid of the batch; grids in parallel, each product on one thread.
void batchedGemm(char transA, char transB, int64_t m, int64_t n, int64_t k, const torch::Tensor& a,
                 const torch::Tensor& b, torch::Tensor& c) {
    const int64_t lda = transA == 'N' ? k : m, ldb = transB == 'N' ? n : k;
    const float* pa = a.data_ptr<float>();
    const float* pb = b.data_ptr<float>();
    float* pc = c.data_ptr<float>();
    const int64_t strideA = m * k, strideB = k * n, strideC = m * n;
    const Sgemm sgemm = oneDnnSgemm();
    at::parallel_for(0, c.size(0), 1, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) {
            const int status = sgemm(transA, transB, m, n, k, 1.0f, pa + i * strideA, lda, pb + i * strideB, ldb,
                                     0.0f, pc + i * strideC, n);
            TORCH_CHECK(status == 0, "oneDNN's sgemm failed with status ", status);
        }
    });
}

/// v [B, H, K] = A [B, H, C] x G [B, C, K], both contiguous float32.
class WeightedSumsFunction : public torch::autograd::Function<WeightedSumsFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& attention, const torch::Tensor& grid) {
        ctx->save_for_backward({attention, grid});
        const int64_t batch = attention.size(0), hidden = attention.size(1), cells = attention.size(2);
        const int64_t features = grid.size(2);
        torch::Tensor sums = torch::empty({batch, hidden, features}, attention.options());
        batchedGemm('N', 'N', hidden, features, cells, attention, grid, sums);
        return sums;
    }

    static variable_list backward(AutogradContext* ctx, variable_list grads) {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor& attention = saved[0];
        const torch::Tensor& grid = saved[1];
        const torch::Tensor gradSums = grads[0].contiguous();
        const int64_t hidden = attention.size(1), cells = attention.size(2), features = grid.size(2);
        torch::Tensor gradAttention, gradGrid;
        if (ctx->needs_input_grad(0)) {  // dA = dv G^T
            gradAttention = torch::empty_like(attention);
            batchedGemm('N', 'T', hidden, cells, features, gradSums, grid, gradAttention);
        }
        if (ctx->needs_input_grad(1)) {  // dG = A^T dv
            gradGrid = torch::empty_like(grid);
            batchedGemm('T', 'N', cells, features, hidden, attention, gradSums, gradGrid);
        }
        return {gradAttention, gradGrid};
    }
};

}  // namespace

torch::Tensor maskedPool3x3(const torch::Tensor& x, const torch::Tensor& valid, bool minimum) {
    TORCH_CHECK(x.dim() == 4 && valid.dim() == 3 && valid.size(0) == x.size(0) && valid.size(1) == x.size(2) &&
                    valid.size(2) == x.size(3),
                "pooling needs G' [B, H, M', N'] and a validity mask [B, M', N']");
    if (x.is_cpu() && valid.is_cpu() && (x.scalar_type() == torch::kFloat32 || x.scalar_type() == torch::kFloat64))
        return MaskedPoolFunction::apply(x, valid, minimum);
    // Invalid cells are -inf so they never win; max_pool2d pads with -inf as well.
    // min-pool(x) = -max-pool(-x), invalid cells +inf (i.e. -inf after negation).
    constexpr double kInfinity = std::numeric_limits<double>::infinity();
    const torch::Tensor invalid = valid.to(torch::kBool).logical_not().unsqueeze(1);
    if (!minimum) return torch::max_pool2d(x.masked_fill(invalid, -kInfinity), 3, 1, 1);
    return -torch::max_pool2d((-x).masked_fill(invalid, -kInfinity), 3, 1, 1);
}

torch::Tensor weightedSums(const torch::Tensor& attention, const torch::Tensor& grid) {
    TORCH_CHECK(attention.dim() == 4 && grid.dim() == 4 && attention.size(0) == grid.size(0) &&
                    attention.size(2) == grid.size(2) && attention.size(3) == grid.size(3),
                "eq. 2 needs A [B, H, M', N'] and G [B, K, M', N'] of the same grids");
    const int64_t batch = grid.size(0), features = grid.size(1), cells = grid.size(2) * grid.size(3);
    const torch::Tensor a = attention.flatten(2);  // [B, H, C]
    // [B, C, K]: a view when G is channels-last.
    const torch::Tensor g = grid.permute({0, 2, 3, 1}).reshape({batch, cells, features});
    if (hasOneDnnGemm() && grid.is_cpu() && attention.is_cpu() && grid.scalar_type() == torch::kFloat32 &&
        attention.scalar_type() == torch::kFloat32)
        return WeightedSumsFunction::apply(a.contiguous(), g.contiguous());
    return torch::matmul(a, g);
}

bool hasOneDnnGemm() { return oneDnnSgemm() != nullptr; }

}  // namespace slidesight::model

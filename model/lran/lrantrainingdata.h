#pragma once

// The labelled patches of an LRAN training run: listing a folder of class folders (or a CSV),
// reading and resizing the images (OpenCV), the stratified held-out split, the class-balanced
// batches and the flip/rotation augmentation. Plain standard types only (no Torch, no Qt);
// used by lrantraining.cpp and its tests.

#include "viewer/common/expected.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace slidesight::model {

struct LranImageSet {
    std::vector<std::string> classes;  ///< sorted; the logit order
    std::vector<std::string> paths;    ///< one per image
    std::vector<int> labels;           ///< index into classes, one per image
};

/// Lists `data`: a folder of class folders, or a CSV of `path,label` lines (see
/// LranTrainingOptions::data). `maxPerClass` > 0 keeps the first images of each class in
/// sorted path order. Fails with one sentence for a missing folder or file, fewer than two
/// classes, or a class without images (naming it).
Expected<LranImageSet> listLranImages(const std::string& data, int maxPerClass);

/// Every image read (any depth and channel count OpenCV reads, converted to 8-bit RGB) and
/// resized to size x size with area interpolation: size * size * 3 bytes each, row-major RGB.
/// Fails with one sentence naming the first image that cannot be read.
Expected<std::vector<std::vector<uint8_t>>> loadLranImages(const LranImageSet& set, int size,
                                                           const std::atomic<bool>* cancel);

struct LranSplit {
    std::vector<size_t> train;    ///< image indices, by class then shuffled order
    std::vector<size_t> heldOut;
};

/// Stratified split: within each class (shuffled by the seed) round(holdout * n) images are
/// held out, at least one when holdout > 0 and the class has two or more images, and at least
/// one image of every class is kept for training.
LranSplit splitLranImages(const std::vector<int>& labels, int classes, double holdout, uint64_t seed);

/// One epoch's class-balanced batches: `batches` batches of `batchSize` positions into
/// `labels` (the training images' labels). Classes are drawn round-robin (in an order shuffled
/// per epoch), so within every batch the counts of any two classes differ by at most one;
/// within a class the images come in a shuffled order, reshuffled and drawn again when they
/// run out. Deterministic in (seed, epoch).
std::vector<std::vector<size_t>> balancedBatches(const std::vector<int>& labels, int classes, int batchSize,
                                                 int batches, uint64_t seed, int epoch);

/// Flips and rotations of a square RGB image in place: code 0 (identity) to 7, the eight
/// symmetries of the square (bit 0: horizontal flip, bits 1-2: quarter turns clockwise).
void transformSquareRgb(std::vector<uint8_t>& rgb, int size, int code);

}  // namespace slidesight::model

// Fuzz targets of the files read with the project's own torch.save reader: weights and result
// files (a zip container holding a pickle stream and tensor storages) and grid files.

#include "fuzztargets.h"

#include "model/grid/gridfile_torch.h"
#include "model/nets/torchsavereader_torch.h"

#include <vector>

namespace slidesight::fuzz {

void torchSave(const uint8_t* data, size_t size) {
    const std::vector<char> bytes(data, data + size);
    const auto tensors = model::TorchSaveReader::readTensorDict(bytes);
    if (tensors)
        for (const auto& entry : *tensors) (void)entry.second.sum();  // the storage is really there
    (void)model::TorchSaveReader::readDict(bytes);
}

void gridFile(const uint8_t* data, size_t size) {
    const auto grid = model::GridFile::fromBytes(std::vector<char>(data, data + size), "the grid file");
    (void)grid;
}

}  // namespace slidesight::fuzz

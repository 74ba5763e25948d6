#pragma once

// The grid-aligned maps of an analysis or classification result file (`slidesight-cli analyze
// --output`, `classify`), read back for comparisons: plain standard types only (no Torch, no
// Qt), so the command line and the viewer can use it; resultmaps.cpp reads the file with
// TorchSaveReader.

#include "viewer/common/expected.h"

#include <cstdint>
#include <string>
#include <vector>

namespace slidesight::model {

/// One map: channels x rows x columns float32, row-major, NaN on the cells the result's
/// `valid` mask leaves out (the tissue map keeps every cell).
struct ResultMap {
    std::string id;  ///< the layer id: tissue, attention-max, attention-min, attention-avg, gradcam
    int channels = 1;
    std::vector<float> values;
};

struct ResultMaps {
    int rows = 0;
    int columns = 0;
    double originX = 0.0, originY = 0.0;       ///< level-0 corner of cell (0, 0)
    double cellWidth = 0.0, cellHeight = 0.0;  ///< level-0 size of a cell
    std::vector<uint8_t> valid;                ///< rows x columns; 1 where the model had a cell
    std::vector<ResultMap> maps;               ///< in the order of the ids above

    const ResultMap* map(const std::string& id) const;
    /// "tissue, attention-max, gradcam": the ids present, for messages.
    std::string idList() const;
};

/// Reads the maps, the validity mask and the grid geometry (origin, cell_size) of a result
/// file. Fails with one sentence naming the file when it cannot be read, is not a torch.save
/// dict, or lacks the geometry or any map.
Expected<ResultMaps> readResultMaps(const std::string& path);

}  // namespace slidesight::model

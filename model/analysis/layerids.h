#pragma once
// The ids of the analysis layers, named once. An analysis's maps (AnalysisMap::id), result
// files read as maps, the viewer's layers, the command line's --show and --map KEY, settings and
// the demo's index all use these; a layer id may carry a channel after a colon
// ("attention-max:7", "attention-max:mean"). Plain characters: the model, the application and
// the command line share the header.

namespace slidesight::model::layerid {

inline constexpr char kTissue[] = "tissue";
inline constexpr char kAttentionMax[] = "attention-max";
inline constexpr char kAttentionMin[] = "attention-min";
inline constexpr char kAttentionAvg[] = "attention-avg";
inline constexpr char kGradCam[] = "gradcam";
inline constexpr char kLranProbability[] = "lran-probability";
inline constexpr char kLranMask[] = "lran-mask";
inline constexpr char kLranGates[] = "lran-gates";
inline constexpr char kLranCam[] = "lran-cam";

}  // namespace slidesight::model::layerid

